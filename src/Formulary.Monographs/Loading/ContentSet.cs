using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;

namespace Formulary.Monographs.Loading;

/// <summary>
/// Every monograph of a content folder (or one file), plus the diagnostics that need more than one
/// document (broken links, duplicate slugs). Immutable.
/// </summary>
public sealed class ContentSet
{
    private readonly Dictionary<(Collection, string), Monograph> bySlug;

    public ContentSet(IReadOnlyList<Monograph> monographs, IReadOnlyList<Diagnostic> crossDocumentDiagnostics)
    {
        ArgumentNullException.ThrowIfNull(monographs);
        Monographs = monographs;
        CrossDocumentDiagnostics = crossDocumentDiagnostics ?? [];
        bySlug = [];
        foreach (var monograph in monographs)
        {
            bySlug.TryAdd((monograph.Collection, monograph.Slug), monograph);
        }
    }

    public static ContentSet Empty { get; } = new([], []);

    /// <summary>In a stable order: collection, then path.</summary>
    public IReadOnlyList<Monograph> Monographs { get; }

    public IReadOnlyList<Diagnostic> CrossDocumentDiagnostics { get; }

    /// <summary>Every diagnostic, per document and across documents, ordered by file, line, column.</summary>
    public IEnumerable<Diagnostic> AllDiagnostics =>
        Monographs.SelectMany(m => m.Diagnostics).Concat(CrossDocumentDiagnostics)
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column);

    public int Count(DiagnosticSeverity severity) => AllDiagnostics.Count(d => d.Severity == severity);

    public Monograph? Find(Collection collection, string slug) => bySlug.GetValueOrDefault((collection, slug));

    /// <summary>The documents that link to this one (its brand pages; combinations containing it).</summary>
    public IEnumerable<Monograph> LinkingTo(Collection collection, string slug) =>
        Monographs.Where(m => m.Links.Any(link => link.Target == collection && link.Slug == slug));
}
