using Formulary.Monographs.Model;
using Formulary.Monographs.Rendering;

namespace Formulary.Storage.Versions;

/// <summary>
/// A live document's published model as <see cref="IMonographStore.ReadLiveAsync"/> reads it, with the sections' HTML
/// rendered when the version was imported (<see cref="SectionRendering.Render"/>); null when the version was stored
/// without them (before SQLite schema 16 / PostgreSQL 11) or under another <see cref="SectionRendering.Version"/>,
/// and then the reader renders them itself.
/// </summary>
/// <remarks>
/// With <see cref="Sections"/>, the model is read for a page (<see cref="ModelJson.PageOptions"/>): its body, diagnostics,
/// and each section's Markdown, original heading and subsections are empty; the sections' titles, keys and plain text
/// (the page's lead paragraph and the static search index use them), the front matter, FAQs and names are read.
/// </remarks>
public sealed record LiveMonograph(Monograph Monograph, IReadOnlyList<RenderedSection>? Sections);
