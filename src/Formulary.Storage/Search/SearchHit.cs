using System.Data.Common;
using Formulary.Monographs;

namespace Formulary.Storage.Search;

/// <summary>
/// One result. <see cref="SnippetHtml"/> is HTML-escaped text in which only the matched words are
/// wrapped in <c>&lt;mark&gt;</c>; <see cref="Score"/> is higher for better matches (comparable within one search only).
/// </summary>
public sealed record SearchHit(Collection Collection, string Slug, string Title, string SnippetHtml, double Score)
{
    /// <summary>Reads a hit from columns collection, slug, title, marked snippet (both stores select them in this order).</summary>
    internal static SearchHit Read(DbDataReader reader, double score) =>
        new(StoreText.ParseCollection(reader.GetString(0)), reader.GetString(1), reader.GetString(2), SnippetMarkup.ToHtml(reader.GetString(3)), score);
}
