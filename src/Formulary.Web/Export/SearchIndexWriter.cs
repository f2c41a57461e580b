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
    private const int MaxTextChars = 400;

    public static void Write(Stream output, IReadOnlyList<Monograph> monographs)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteStartArray("documents");
        foreach (var m in monographs)
        {
            json.WriteStartObject();
            json.WriteString("title", m.Title);
            json.WriteString("url", m.Collection.UrlPath(m.Slug));
            json.WriteString("collection", m.Collection switch
            {
                Collection.Composition => "composition",
                Collection.Combination => "combination",
                _ => "brand",
            });
            json.WriteStartArray("names");
            foreach (var name in m.AlternateNames)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteString("description", m.Description.Full);
            var text = string.Join(' ', m.Sections.Select(s => s.PlainText));
            json.WriteString("text", text.Length > MaxTextChars ? text[..MaxTextChars] : text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
