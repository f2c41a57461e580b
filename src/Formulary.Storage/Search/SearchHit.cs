using System.Data.Common;
using Formulary.Monographs;

namespace Formulary.Storage.Search;

/// <summary>
/// One result. <see cref="SnippetHtml"/> is HTML-escaped text from one section in which only the matched
/// words are wrapped in <c>&lt;mark&gt;</c>; <see cref="Section"/> is the anchor of that section on the
/// page (null: the words are in the title or names, or only in the description; the link goes to the top);
/// <see cref="Url"/> links there. <see cref="Score"/> is higher for better matches (comparable within one search only).
/// </summary>
public sealed record SearchHit(Collection Collection, string Slug, string Title, string SnippetHtml, double Score, string? Section)
{
    public string Url => Collection.UrlPath(Slug) + (Section is null ? string.Empty : "#" + Section);

    /// <summary>
    /// Reads a hit from columns collection, slug, title, names, body text, segments (both stores select
    /// them in this order) and builds its section and snippet (<see cref="SearchSnippet"/>), while the
    /// search's budget lasts: this work is outside any statement the database can interrupt, so each hit
    /// checks the deadline first and a spent one is a time-out (<see cref="SearchTimedOutException"/>).
    /// </summary>
    internal static SearchHit Read(DbDataReader reader, TermMatcher matcher, double score, SearchDeadline deadline)
    {
        deadline.ThrowIfSpent();
        var (section, snippet) = SearchSnippet.For(matcher, reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
        return new(StoreText.ParseCollection(reader.GetString(0)), reader.GetString(1), reader.GetString(2), snippet, score, section);
    }
}
