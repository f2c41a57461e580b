using Formulary.Monographs;

namespace Formulary.Storage.Versions;

/// <summary>The line diff of a document's source text (and its rules file) from one version to another.</summary>
public sealed record VersionDiff(
    Collection Collection,
    string Slug,
    MonographVersion From,
    MonographVersion To,
    IReadOnlyList<DiffLine> Lines)
{
    public int AddedLines => Lines.Count(l => l.Kind == DiffLineKind.Added);

    public int RemovedLines => Lines.Count(l => l.Kind == DiffLineKind.Removed);

    /// <summary>The diff between two stored versions of one document; null when either is missing.</summary>
    internal static VersionDiff? Between(Collection collection, string slug, StoredMonograph? from, StoredMonograph? to) =>
        from is null || to is null
            ? null
            : new VersionDiff(collection, slug, from.Version, to.Version, LineDiff.Compute(from.DiffText, to.DiffText));
}
