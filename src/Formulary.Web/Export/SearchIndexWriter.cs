using System.Text.Json;
using Formulary.Monographs;
using Formulary.Monographs.Model;

namespace Formulary.Web.Export;

/// <summary>
/// The static site's search index (<c>/search-index.json</c>), read by <c>search.js</c>: per document
/// its title, names (brand and alternate), collection, URL, description and a short text excerpt.
/// Bounded per document so 5,000 monographs stay a few megabytes.
/// </summary>
internal static class SearchIndexWriter
{
    public static void Write(Stream output, IEnumerable<SearchIndexEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteStartArray("documents");
        foreach (var entry in entries)
        {
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
            json.WriteString("text", entry.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}

/// <summary>One document in <c>search-index.json</c>, taken from its monograph when its page is written (the monograph is then let go).</summary>
internal sealed record SearchIndexEntry(string Title, string Url, string Collection, IReadOnlyList<string> Names, string Description, string Text)
{
    private const int MaxTextChars = 400;

    public static SearchIndexEntry From(Monograph m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var text = new System.Text.StringBuilder();
        foreach (var section in m.Sections)
        {
            if (text.Length >= MaxTextChars)
            {
                break;
            }

            text.Append(text.Length == 0 ? string.Empty : " ").Append(section.PlainText);
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
            text.Length > MaxTextChars ? text.ToString(0, MaxTextChars) : text.ToString());
    }
}
