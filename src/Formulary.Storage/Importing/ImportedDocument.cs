using Formulary.Monographs;
using Formulary.Monographs.Diagnostics;

namespace Formulary.Storage.Importing;

/// <summary>What the import did with one document, and the parser's diagnostics for it.</summary>
public sealed record ImportedDocument(
    Collection Collection,
    string Slug,
    string SourcePath,
    ImportOutcome Outcome,
    int? Version,
    string? FailureReason,
    IReadOnlyList<Diagnostic> Diagnostics);
