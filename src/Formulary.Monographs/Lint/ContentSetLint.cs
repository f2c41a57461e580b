using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;

namespace Formulary.Monographs.Lint;

/// <summary>Checks that need every document: links to slugs that do not exist, two files with one slug.</summary>
internal static class ContentSetLint
{
    /// <param name="knownSlugs">Slugs that exist per collection (documents loaded, plus files seen beside a single linted file).</param>
    public static List<Diagnostic> Run(IReadOnlyList<Monograph> monographs, IReadOnlyDictionary<Collection, HashSet<string>> knownSlugs) =>
        Run([.. monographs.Select(DocumentLinks.Of)], knownSlugs);

    /// <param name="knownSlugs">Slugs that exist per collection (documents loaded, plus files seen beside a single linted file).</param>
    public static List<Diagnostic> Run(IReadOnlyList<DocumentLinks> monographs, IReadOnlyDictionary<Collection, HashSet<string>> knownSlugs)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var group in monographs.GroupBy(m => (m.Collection, Slug: m.Slug.ToLowerInvariant())).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                diagnostics.Add(DiagnosticCodes.DuplicateSlug.At(duplicate.SourcePath, SourcePosition.FileStart,
                    $"slug '{duplicate.Slug}' is also used by {first.Collection.FolderName()}/{Path.GetFileName(first.SourcePath)}; each URL must name one document"));
            }
        }

        foreach (var monograph in monographs)
        {
            foreach (var link in monograph.Links)
            {
                if (knownSlugs.TryGetValue(link.Target, out var slugs) && !slugs.Contains(link.Slug))
                {
                    diagnostics.Add(DiagnosticCodes.BrokenLink.At(monograph.SourcePath, link.Line, link.Column,
                        $"'{link.Field}' points to '{link.Slug}', but there is no {link.Target.FolderName()}/{link.Slug}.md"));
                }
            }
        }

        return diagnostics;
    }
}
