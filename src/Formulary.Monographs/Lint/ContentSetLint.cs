using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;

namespace Formulary.Monographs.Lint;

/// <summary>
/// Checks that need every document: links to slugs that do not exist, two files with one slug. Both need
/// only the list of files and each document's own links, so a streamed load runs them one document at a time
/// (<see cref="Duplicates"/> over the listing first, then <see cref="BrokenLinks"/> as each document is read).
/// </summary>
internal static class ContentSetLint
{
    /// <param name="knownSlugs">Slugs that exist per collection (documents loaded, plus files seen beside a single linted file).</param>
    public static List<Diagnostic> Run(IReadOnlyList<Monograph> monographs, IReadOnlyDictionary<Collection, HashSet<string>> knownSlugs) =>
        Run([.. monographs.Select(DocumentLinks.Of)], knownSlugs);

    /// <param name="knownSlugs">Slugs that exist per collection (documents loaded, plus files seen beside a single linted file).</param>
    public static List<Diagnostic> Run(IReadOnlyList<DocumentLinks> monographs, IReadOnlyDictionary<Collection, HashSet<string>> knownSlugs)
    {
        var diagnostics = Duplicates([.. monographs.Select(m => (m.Collection, m.Slug, m.SourcePath))]);
        foreach (var monograph in monographs)
        {
            diagnostics.AddRange(BrokenLinks(monograph, knownSlugs));
        }

        return diagnostics;
    }

    /// <summary>
    /// One <c>MONO041</c> for every file but one among those that claim a slug of their collection. The one kept (published)
    /// is, in this order: named exactly as the slug (the others needed normalizing, MONO006: a stray <c>clofarabine .md</c> or
    /// <c>Clofarabine.md</c> never displaces <c>clofarabine.md</c>); among several such, or none, the one
    /// <paramref name="published"/> names (the file the store publishes the slug from now), so which name sorts first cannot
    /// flip a published document; else the first in the order given (the listing's ordinal order), so the choice is
    /// deterministic.
    /// </summary>
    /// <param name="published">The path (as in <paramref name="documents"/>) of the file a collection and slug are published from now; null when unknown.</param>
    public static List<Diagnostic> Duplicates(
        IReadOnlyList<(Collection Collection, string Slug, string SourcePath)> documents, Func<Collection, string, string?>? published = null)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var group in documents.GroupBy(m => (m.Collection, m.Slug), SlugClaim.Comparer).Where(g => g.Count() > 1))
        {
            var exact = group.Where(m => !SlugRule.IsNormalizedName(m.SourcePath)).ToList();
            var candidates = exact.Count > 0 ? exact : [.. group];
            var current = published?.Invoke(group.Key.Collection, group.Key.Slug);
            var kept = candidates.FirstOrDefault(m => string.Equals(m.SourcePath, current, StringComparison.Ordinal)) is { SourcePath: not null } stored
                ? stored
                : candidates[0];
            foreach (var duplicate in group.Where(m => !string.Equals(m.SourcePath, kept.SourcePath, StringComparison.Ordinal)))
            {
                diagnostics.Add(DiagnosticCodes.DuplicateSlug.At(duplicate.SourcePath, SourcePosition.FileStart,
                    $"slug '{duplicate.Slug}' is also claimed by {kept.Collection.FolderName()}/{Path.GetFileName(kept.SourcePath)}, which is published under it; this file is not (rename or remove it)"));
            }
        }

        return diagnostics;
    }

    /// <param name="knownSlugs">Slugs that exist per collection; a collection absent from it is not checked.</param>
    public static IEnumerable<Diagnostic> BrokenLinks(DocumentLinks monograph, IReadOnlyDictionary<Collection, HashSet<string>> knownSlugs)
    {
        foreach (var link in monograph.Links)
        {
            if (knownSlugs.TryGetValue(link.Target, out var slugs) && !slugs.Contains(link.Slug))
            {
                yield return DiagnosticCodes.BrokenLink.At(monograph.SourcePath, link.Line, link.Column,
                    $"'{link.Field}' points to '{link.Slug}', but there is no {link.Target.FolderName()}/{link.Slug}.md");
            }
        }
    }

    /// <summary>
    /// A collection and slug compared as two files' claims to it are, here and by <see cref="Loading.ContentListing"/>: the
    /// slugs ignoring case (they are ASCII, <see cref="SlugRule"/>).
    /// </summary>
    internal sealed class SlugClaim : IEqualityComparer<(Collection Collection, string Slug)>
    {
        public static SlugClaim Comparer { get; } = new();

        public bool Equals((Collection Collection, string Slug) x, (Collection Collection, string Slug) y) =>
            x.Collection == y.Collection && string.Equals(x.Slug, y.Slug, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((Collection Collection, string Slug) obj) =>
            HashCode.Combine(obj.Collection, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Slug));
    }
}
