using Formulary.Monographs.Diagnostics;
using Formulary.Storage.Importing;

namespace Formulary.Storage.Publishing;

/// <summary>
/// What a publication did: the store's <see cref="Import"/> report (null when the prune was refused and
/// nothing was written), how many files were <see cref="Parsed"/> (the others were unchanged: hashed, or not even read),
/// diagnostics about no document (a rules file without a monograph), and <see cref="PruneRefusal"/>.
/// </summary>
public sealed record PublishReport(ImportReport? Import, int Files, int Parsed, IReadOnlyList<Diagnostic> LooseDiagnostics, string? PruneRefusal)
{
    /// <summary>The content folder as given; every path in the report is relative to it (as stored).</summary>
    public string ContentRoot { get; init; } = string.Empty;

    /// <summary>How many documents' files were read and hashed; the others' recorded stamps vouched for them (<see cref="Monographs.Loading.RecordedStamp"/>).</summary>
    public int Read { get; init; }

    /// <summary>
    /// True when the import found the listing the store last imported with no file changed, and so confirmed every
    /// document without reading the stored states or checking documents against each other (the report is the same).
    /// </summary>
    public bool Confirmed { get; init; }

    /// <summary>True when the editor must look: a document failed or was rejected, or the prune was refused.</summary>
    public bool HasProblems => PruneRefusal is not null || Import is null || Import.Failed + Import.Rejected > 0;
}
