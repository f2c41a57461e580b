namespace Formulary.Monographs.Rendering;

/// <summary>A monograph section ready for the page: its anchor id, normalized key, title, sanitized HTML of its own text, and its subsections.</summary>
public sealed record RenderedSection(string Id, string Key, string Title, int Level, string Html, IReadOnlyList<RenderedSection> Children);
