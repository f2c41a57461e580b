using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing.Body;

namespace Formulary.Monographs.Rendering;

/// <summary>
/// Turns a monograph's section tree into page sections. Each section's own text (before its first
/// subsection) is rendered once; subsections nest under it. Anchor ids are the section keys joined
/// along the path (<c>dosage-standard-dosage-children</c>), so a citation such as
/// "Dosage &gt; Special Cases" can link to the exact subsection.
/// </summary>
/// <remarks>
/// The store keeps each published version's rendered sections beside its model (ADR 0004 decision 9), so a static
/// export does not parse every section's Markdown again; they are used only when stored under this
/// <see cref="Version"/>. Change it with anything that changes the HTML of a section: this renderer, the anchors
/// (<see cref="SectionAnchor"/>), <see cref="MarkdownHtmlRenderer"/> or its sanitizer policy. A test pins the
/// output of a sample document to the version, so a change to the output fails until the version moves. Move
/// <see cref="Parsing.MonographParser.ModelVersion"/> with it: the next import then re-parses every document and stores
/// its sections rendered again (until then, the export renders them itself).
/// </remarks>
public static class SectionRendering
{
    /// <summary>The version of the HTML <see cref="Render"/> writes; stored sections of another version are rendered again.</summary>
    public const int Version = 1;

    public static IReadOnlyList<RenderedSection> Render(IReadOnlyList<Section> sections, MarkdownHtmlRenderer renderer) =>
        sections.Where(s => !SectionAnchor.IsFaqSection(s)).Select(s => Render(s, parentId: null, renderer)).ToList();

    private static RenderedSection Render(Section section, string? parentId, MarkdownHtmlRenderer renderer)
    {
        var key = SectionAnchor.Key(section);
        var id = SectionAnchor.Id(parentId, section);
        var children = section.Children.Select(child => Render(child, id, renderer)).ToList();
        return new RenderedSection(id, key, section.Title, section.Level, renderer.Render(OwnMarkdown(section)), children);
    }

    /// <summary>The section's Markdown up to its first subsection's heading (the parser keeps subsections inside it).</summary>
    private static string OwnMarkdown(Section section)
    {
        if (section.Children.Count == 0)
        {
            return section.Markdown;
        }

        var first = section.Children[0].OriginalHeading;
        var at = section.Markdown.IndexOf(first, StringComparison.Ordinal);
        return at >= 0 ? section.Markdown[..at] : section.Markdown;
    }

    /// <summary>
    /// The anchor of the section a citation names (<c>Dosage &gt; Special Cases</c>): each part is
    /// matched by key against the tree, skipping levels the citation leaves out. Null when nothing matches.
    /// </summary>
    public static string? AnchorFor(IReadOnlyList<RenderedSection> sections, string citationPath)
    {
        ArgumentNullException.ThrowIfNull(citationPath);
        var parts = citationPath.Split('>', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(SectionKey.Normalize)
            .Where(p => p.Length > 0)
            .ToArray();
        return parts.Length == 0 ? null : Find(sections, parts, 0);
    }

    private static string? Find(IReadOnlyList<RenderedSection> sections, string[] parts, int index)
    {
        foreach (var section in sections)
        {
            if (Matches(section, parts[index]))
            {
                if (index == parts.Length - 1)
                {
                    return section.Id;
                }

                return Find(section.Children, parts, index + 1) ?? section.Id;
            }
        }

        foreach (var section in sections)
        {
            if (index > 0 && Find(section.Children, parts, index) is { } deeper)
            {
                return deeper;
            }
        }

        return null;
    }

    private static bool Matches(RenderedSection section, string key) => section.Key == key;
}
