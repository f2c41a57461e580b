using Formulary.Monographs.Diagnostics;

namespace Formulary.Monographs.Loading;

/// <summary>
/// A folder's load as <see cref="IncrementalLoader.Load"/> starts it: what the listing already tells (<see cref="Keys"/>,
/// one per file in layout order; the rule diagnostics of rules files without a monograph) and the
/// <see cref="Documents"/> themselves, read as they are enumerated, in layout order, a bounded number ahead of the
/// caller: nothing holds the whole folder. <see cref="HasCollectionFolders"/> is false for a folder with none of
/// compositions/, combinations/, medicines/. <see cref="ContentRoot"/> is the content folder the files are read
/// through, as given (their paths start with it).
/// </summary>
public sealed record IncrementalLoad(
    IReadOnlyList<(Collection Collection, string Slug)> Keys,
    IAsyncEnumerable<LoadedDocument> Documents,
    IReadOnlyList<Diagnostic> LooseDiagnostics,
    bool HasCollectionFolders,
    string ContentRoot);
