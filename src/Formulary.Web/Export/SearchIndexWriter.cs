using System.Text.Json;
using Formulary.Monographs;
using Formulary.Monographs.Model;
using Formulary.Monographs.Rendering;

namespace Formulary.Web.Export;

/// <summary>
/// The static site's search index (<c>/search-index.json</c>), read by <c>search.js</c>: per document
/// its title, names (brand and alternate), collection, URL, description and its top-level sections
/// (page anchor, title and the start of the text), so a result can land on the section that matched.
/// Bounded per document so 5,000 monographs stay a few megabytes.
/// </summary>
internal static class SearchIndexWriter
{
    /// <summary>
    /// The most bytes held before they are written to the stream. A writer over a stream keeps everything it is given until
    /// it is flushed: unflushed, the whole index (~170 MB at 100,000 documents) was held, in a buffer grown by doubling.
    /// </summary>
    public const int FlushBytes = 64 * 1024;

    /// <summary>Writes the index from each entry's JSON as <see cref="WriteEntry"/> wrote it (<see cref="SearchIndexSpool"/>), to the stream as it goes.</summary>
    public static void Write(Stream output, IEnumerable<ReadOnlyMemory<byte>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteStartArray("documents");
        foreach (var entry in entries)
        {
            json.WriteRawValue(entry.Span, skipInputValidation: true);
            if (json.BytesPending >= FlushBytes)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>One document of the index: an object with its title, URL, collection, names, description and sections.</summary>
    public static void WriteEntry(Utf8JsonWriter json, SearchIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(entry);
        json.WriteStartObject();
        json.WriteString("title", entry.Title);
        json.WriteString("url", entry.Url);
        json.WriteString("collection", entry.Collection);
        json.WriteStartArray("names");
        foreach (var name in entry.Names)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteString("description", entry.Description);
        json.WriteStartArray("sections");
        foreach (var section in entry.Sections)
        {
            json.WriteStartObject();
            json.WriteString("id", section.Id);
            json.WriteString("title", section.Title);
            json.WriteString("text", section.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}

/// <summary>One document in <c>search-index.json</c>, taken from its monograph when its page is written (the monograph is then let go).</summary>
internal sealed record SearchIndexEntry(string Title, string Url, string Collection, IReadOnlyList<string> Names, string Description, IReadOnlyList<SearchIndexSection> Sections)
{
    /// <summary>The start of each section's text that is kept, and the most kept for one document.</summary>
    private const int MaxSectionChars = 160, MaxDocumentChars = 1_200;

    public static SearchIndexEntry From(Monograph m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var sections = new List<SearchIndexSection>();
        var kept = 0;
        foreach (var section in m.Sections)
        {
            var text = Excerpt(section, Math.Min(MaxSectionChars, MaxDocumentChars - kept));
            kept += text.Length;
            sections.Add(new(SectionAnchor.IsFaqSection(section) ? SectionAnchor.Faqs : SectionAnchor.Id(null, section), section.Title, text));
        }

        return new(
            m.Title,
            m.Collection.UrlPath(m.Slug),
            m.Collection switch
            {
                Monographs.Collection.Composition => "composition",
                Monographs.Collection.Combination => "combination",
                _ => "brand",
            },
            [.. m.AlternateNames],
            m.Description.Full,
            sections);
    }

    /// <summary>The start of the section's plain text (its subsections' included).</summary>
    private static string Excerpt(Section section, int limit) =>
        section.PlainText.Length > limit ? section.PlainText[..Math.Max(0, limit)] : section.PlainText;
}

/// <summary>A top-level section of a document in <c>search-index.json</c>: its page anchor, title and the start of its text.</summary>
internal sealed record SearchIndexSection(string Id, string Title, string Text);
