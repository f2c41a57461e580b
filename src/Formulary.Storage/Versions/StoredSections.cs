using Formulary.Monographs.Model;
using Formulary.Monographs.Rendering;

namespace Formulary.Storage.Versions;

/// <summary>
/// A published version's sections as <see cref="SectionRendering.Render"/> wrote them at import, with the renderer's
/// <see cref="SectionRendering.Version"/>: the HTML of a section is a function of its Markdown and the renderer, so
/// it is stored once with the model rather than made again by every static export (ADR 0004 decision 9).
/// </summary>
internal sealed record StoredSections(int Version, IReadOnlyList<RenderedSection> Sections)
{
    public static StoredSections Of(Monograph monograph) =>
        new(SectionRendering.Version, SectionRendering.Render(monograph.Sections, MarkdownHtmlRenderer.Shared));

    /// <summary>The sections when they were rendered by this renderer's version; null otherwise.</summary>
    public IReadOnlyList<RenderedSection>? Current => Version == SectionRendering.Version ? Sections : null;
}
