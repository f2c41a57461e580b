namespace Formulary.Storage.Importing;

/// <summary>
/// The result of one import: counts per outcome and one entry per document, in input order (removed
/// ones last). <see cref="Waited"/>: another import held the store's import lock and this one waited for it.
/// </summary>
public sealed record ImportReport(IReadOnlyList<ImportedDocument> Documents)
{
    public int Added => Count(ImportOutcome.Added);

    public int Changed => Count(ImportOutcome.Changed);

    public int Unchanged => Count(ImportOutcome.Unchanged);

    public int Reparsed => Count(ImportOutcome.Reparsed);

    public int Removed => Count(ImportOutcome.Removed);

    public int Failed => Count(ImportOutcome.Failed);

    public int Rejected => Count(ImportOutcome.Rejected);

    public bool Waited { get; init; }

    /// <summary>The store generation after the import (bumped when it wrote anything).</summary>
    public long Generation { get; init; }

    /// <summary>True when the import wrote anything (a version, published or rejected, a re-parse or a removal).</summary>
    public bool ChangedStore { get; init; }

    private int Count(ImportOutcome outcome) => Documents.Count(d => d.Outcome == outcome);
}
