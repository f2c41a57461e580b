namespace Formulary.Storage.Search;

/// <summary>
/// A run of a document's indexed body text that belongs to one section and holds no heading:
/// characters [<see cref="Start"/>, <see cref="End"/>) of the body. <see cref="Anchor"/> is the section's
/// id on the page (<see cref="Monographs.Rendering.SectionAnchor"/>), null for the description (the top of the page).
/// </summary>
internal sealed record SearchSegment(string? Anchor, int Start, int End);
