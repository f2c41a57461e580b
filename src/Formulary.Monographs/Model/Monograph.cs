using Formulary.Monographs.Diagnostics;

namespace Formulary.Monographs.Model;

/// <summary>
/// One parsed monograph: what could be built from the file, plus the diagnostics found on the way.
/// Parsing never throws on bad content; a document that could not be read at all still yields a
/// <see cref="Monograph"/> with an empty body and an error diagnostic.
/// </summary>
public sealed record Monograph
{
    public required Collection Collection { get; init; }

    /// <summary>The file name without <c>.md</c>; the stable key inside its collection.</summary>
    public required string Slug { get; init; }

    /// <summary>The path the document was read from, as given to the parser (used in diagnostics).</summary>
    public required string SourcePath { get; init; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes: equal hashes mean unchanged content.</summary>
    public required string ContentHash { get; init; }

    public required FrontMatter FrontMatter { get; init; }

    /// <summary>The title to show: front matter <c>title</c>, else the slug.</summary>
    public required string Title { get; init; }

    public required MonographDescription Description { get; init; }

    /// <summary>Top-level sections in document order; subsections are in <see cref="Section.Children"/>.</summary>
    public required IReadOnlyList<Section> Sections { get; init; }

    /// <summary>The repaired FAQ: front-matter entries matched with the body's <c>### Q1:</c> headings, each once.</summary>
    public required IReadOnlyList<FaqEntry> Faqs { get; init; }

    /// <summary>Names other than the title that should find this document (INN, brand names from "Alternate Names").</summary>
    public required IReadOnlyList<string> AlternateNames { get; init; }

    /// <summary>Links to other documents (brand → composition or combination, combination → ingredients).</summary>
    public IReadOnlyList<MonographLink> Links { get; init; } = [];

    /// <summary>The Markdown body after the front matter, unchanged.</summary>
    public required string Body { get; init; }

    /// <summary>1-based line in the file where <see cref="Body"/> starts.</summary>
    public required int BodyStartLine { get; init; }

    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
}
