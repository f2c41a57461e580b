using Formulary.Monographs.Diagnostics;

namespace Formulary.Monographs.Loading;

/// <summary>
/// The result of <see cref="IncrementalLoader.Load"/>: every document of the folder in layout order,
/// parsed or known unchanged, and the rule diagnostics of rules files without a monograph.
/// <see cref="HasCollectionFolders"/> is false for a folder with none of compositions/, combinations/, medicines/.
/// <see cref="ContentRoot"/> is the content folder the files were read through, as given (their paths start with it).
/// </summary>
public sealed record IncrementalLoad(IReadOnlyList<LoadedDocument> Documents, IReadOnlyList<Diagnostic> LooseDiagnostics, bool HasCollectionFolders, string ContentRoot)
{
    public int Parsed => Documents.Count(d => d.Monograph is not null);
}
