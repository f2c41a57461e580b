using Formulary.Monographs.Model;
using Formulary.Monographs.Rendering;

namespace Formulary.Storage.Versions;

/// <summary>
/// A live document's published model as <see cref="IMonographStore.ReadLiveAsync"/> reads it, with the sections' HTML
/// rendered when the version was imported (<see cref="SectionRendering.Render"/>); null when the version was stored
/// without them (before SQLite schema 16 / PostgreSQL 11) or under another <see cref="SectionRendering.Version"/>,
/// and then the reader renders them itself.
/// </summary>
public sealed record LiveMonograph(Monograph Monograph, IReadOnlyList<RenderedSection>? Sections);
