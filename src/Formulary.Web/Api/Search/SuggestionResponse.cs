using Formulary.Monographs;
using Formulary.Storage.Search;

namespace Formulary.Web.Api.Search;

/// <summary>One suggestion on the wire: the name typed towards, the monograph it opens and that page's URL.</summary>
internal sealed record SuggestionResponse(string Name, string Title, Collection Collection, string Slug, string Url)
{
    public static SuggestionResponse From(SearchSuggestion suggestion) =>
        new(suggestion.Name, suggestion.Title, suggestion.Collection, suggestion.Slug, suggestion.Collection.UrlPath(suggestion.Slug));
}
