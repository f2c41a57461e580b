using System.Security.Cryptography;
using System.Text;
using Formulary.Monographs.Rendering;

namespace Formulary.Monographs.Tests.Rendering;

/// <summary>
/// The store keeps sections rendered at import and uses them only under the same <see cref="SectionRendering.Version"/>,
/// so a change to the rendered HTML must come with a new version. This pins the HTML of fixtures that use every construct
/// the renderer treats specially (raw HTML, tables, links, headings, subsections, the FAQ section) to the version: when it
/// fails, the output changed — move <see cref="SectionRendering.Version"/> on and record the new digest with it here.
/// </summary>
public sealed class SectionRenderingVersionTests
{
    private static readonly Dictionary<int, string> DigestOfVersion = new()
    {
        [1] = "50bcd3141ca64494d361ae180a00f2c6964e1ee863334b9f62dde300cc45538b",
    };

    [Fact]
    public void Render_Fixtures_HtmlIsTheOnePinnedToTheCurrentVersion()
    {
        var html = new StringBuilder();
        foreach (var name in new[] { "html-and-tables.md", "headings-variants.md", "faqs-clean.md", "contradiction.md" })
        {
            Append(html, SectionRendering.Render(Parse.Fixture(name).Sections, MarkdownHtmlRenderer.Shared));
        }

        Assert.Equal(DigestOfVersion[SectionRendering.Version], Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html.ToString()))));
    }

    private static void Append(StringBuilder html, IReadOnlyList<RenderedSection> sections)
    {
        foreach (var section in sections)
        {
            html.Append(section.Id).Append('|').Append(section.Key).Append('|').Append(section.Title).Append('|')
                .Append(section.Level).Append('|').Append(section.Html).Append('[');
            Append(html, section.Children);
            html.Append(']');
        }
    }
}
