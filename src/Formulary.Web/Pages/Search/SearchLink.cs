using System.Text;
using Formulary.Monographs;
using Formulary.Storage.Search;

namespace Formulary.Web.Pages.Search;

/// <summary>
/// The one way search page URLs are written (pager, collection tabs, corrections): the query string
/// is built here, escaped once; Razor escapes the <c>&amp;</c> when it writes the attribute.
/// </summary>
internal static class SearchLink
{
    public static string For(string query, int offset = 0, Collection? collection = null, bool correct = true, int limit = SearchLimits.DefaultLimit)
    {
        var url = new StringBuilder("/search?q=").Append(Uri.EscapeDataString(query));
        if (collection is { } only)
        {
            url.Append("&collection=").Append(only.ApiName());
        }

        if (offset > 0)
        {
            url.Append("&offset=").Append(offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (limit != SearchLimits.DefaultLimit)
        {
            url.Append("&limit=").Append(limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!correct)
        {
            url.Append("&correct=false");
        }

        return url.ToString();
    }

    /// <summary>The same search on another page of results.</summary>
    public static string Page(SearchResults results, int offset) =>
        For(results.Query, offset, results.Collection, correct: results.CorrectedFrom is null, results.Limit);
}
