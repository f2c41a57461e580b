using Formulary.Monographs;
using Formulary.Monographs.Rendering;
using Formulary.Storage.Listing;
using MonographModel = Formulary.Monographs.Model.Monograph;

namespace Formulary.Web.Pages.Monograph;

/// <summary>Builds a <see cref="MonographPage"/> from a parsed monograph and the list of every live document (for links).</summary>
internal static class MonographPageBuilder
{
    /// <param name="rendered">The sections as the store rendered them at import, when it has them; else they are rendered here.</param>
    public static MonographPage Build(
        MonographModel monograph,
        IReadOnlyList<MonographSummary> all,
        int? version,
        DateTimeOffset? importedAt,
        bool hasDoseCalculator,
        IReadOnlyList<RenderedSection>? rendered = null)
    {
        ArgumentNullException.ThrowIfNull(monograph);
        var sections = rendered ?? SectionRendering.Render(monograph.Sections, MarkdownHtmlRenderer.Shared);
        var links = MonographLinks.For(all, monograph.Collection, monograph.Slug);
        return new MonographPage(
            monograph,
            sections,
            links,
            monograph.FrontMatter.LastModified ?? importedAt,
            version,
            hasDoseCalculator && monograph.Collection == Collection.Composition);
    }
}
