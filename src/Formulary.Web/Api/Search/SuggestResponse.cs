namespace Formulary.Web.Api.Search;

/// <summary>The answer of <c>/api/suggest</c>: the text as received and the names, best first.</summary>
internal sealed record SuggestResponse(string Query, IReadOnlyList<SuggestionResponse> Suggestions);
