using Formulary.Monographs;

namespace Formulary.Storage.Versions;

/// <summary>The line diff of a document's source text from one version to another.</summary>
public sealed record VersionDiff(
    Collection Collection,
    string Slug,
    MonographVersion From,
    MonographVersion To,
    IReadOnlyList<DiffLine> Lines)
{
    public int AddedLines => Lines.Count(l => l.Kind == DiffLineKind.Added);

    public int RemovedLines => Lines.Count(l => l.Kind == DiffLineKind.Removed);
}
