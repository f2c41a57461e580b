using Formulary.Monographs;
using Formulary.Storage;
using Formulary.Storage.Search;
using Formulary.Web.Hosting;
using Formulary.Web.Pages;
using Formulary.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Formulary.Web.Api.Search;

/// <summary><c>/api/search</c>: full-text search with the documented limits of <see cref="SearchLimits"/>.</summary>
internal static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", SearchAsync)
            .WithStrictQuery()
            .WithTags("Search")
            .WithName("Search")
            .WithSummary("Search titles, brand and alternate names, then body text.")
            .WithDescription(
                $"q: 1 to {SearchLimits.MaxQueryChars} characters (only the first {SearchLimits.MaxTerms} words are searched). "
                + $"limit: 1 to {SearchLimits.MaxLimit}, default {SearchLimits.DefaultLimit}. offset: 0 to {SearchLimits.MaxOffset}, default 0. "
                + "collection: composition, combination or medicine narrows the hits (counts per collection ignore it). "
                + "When nothing matched and a close name exists, the results of the corrected query come back with query set to the correction "
                + "and correctedFrom to the text sent; with correct=false (or when the correction finds nothing too) didYouMean proposes it instead. "
                + "snippetHtml is escaped text from one section with matches in <mark>; section is the anchor of that section on the page (null when the words are in the title or names, or only in the description) and url links there. "
                + $"timedOut is true when the search ran out of its time budget ({(int)SearchLimits.TimeBudget.TotalMilliseconds} ms from the request's arrival, "
                + $"no database statement starting in its last {(int)SearchLimits.StartReserve.TotalMilliseconds} ms, the answer sent at the latest {(int)SearchLimits.AnswerGrace.TotalMilliseconds} ms after it) and was stopped: nothing else in the answer counts, and it is not cached.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/api/suggest", SuggestAsync)
            .WithStrictQuery()
            .WithTags("Search")
            .WithName("Suggest")
            .WithSummary("Names that start with what was typed, for search as you type.")
            .WithDescription(
                $"q: the text typed so far (at most {SearchLimits.MaxQueryChars} characters); below {SearchLimits.MinSuggestChars} letters the list is empty. "
                + $"limit: 1 to {SearchLimits.MaxSuggestions}, default {SearchLimits.DefaultSuggestions}. Each suggestion is a generic, brand, alternate or "
                + "combination name (name) and the monograph it opens (title, collection, slug, url): a brand name opens its generic. "
                + "Matching ignores case and accents and also starts at later words (\"lami\" finds \"Abacavir + Lamivudine\").")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<Results<Ok<SuggestResponse>, ProblemHttpResult>> SuggestAsync(
        string? q, int? limit, SiteCache cache, CancellationToken cancellationToken)
    {
        var take = limit ?? SearchLimits.DefaultSuggestions;
        if (q is null)
        {
            return ProblemMapping.Problem(ProblemCatalog.BadRequest, "Give the text typed so far as ?q=.");
        }

        if (q.Length > SearchLimits.MaxQueryChars)
        {
            return ProblemMapping.Problem(ProblemCatalog.BadRequest, $"q is {q.Length} characters; at most {SearchLimits.MaxQueryChars} are accepted.");
        }

        if (take is < 1 or > SearchLimits.MaxSuggestions)
        {
            return ProblemMapping.Problem(ProblemCatalog.BadRequest, $"limit must be between 1 and {SearchLimits.MaxSuggestions}.");
        }

        var suggestions = await cache.SuggestAsync(q, take, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new SuggestResponse(q, [.. suggestions.Select(SuggestionResponse.From)]));
    }

    private static async Task<Results<Ok<SearchResults>, ProblemHttpResult>> SearchAsync(
        HttpContext context, string? q, int? limit, int? offset, string? collection, bool? correct, SiteCache cache, CancellationToken cancellationToken)
    {
        var query = q?.Trim() ?? string.Empty;
        var take = limit ?? SearchLimits.DefaultLimit;
        var skip = offset ?? 0;
        if (query.Length == 0)
        {
            return ProblemMapping.Problem(ProblemCatalog.BadRequest, "Give the text to search for as ?q=.");
        }

        if (query.Length > SearchLimits.MaxQueryChars)
        {
            return ProblemMapping.Problem(ProblemCatalog.BadRequest, $"q is {query.Length} characters; at most {SearchLimits.MaxQueryChars} are accepted.");
        }

        if (take is < 1 or > SearchLimits.MaxLimit)
        {
            return ProblemMapping.Problem(ProblemCatalog.BadRequest, $"limit must be between 1 and {SearchLimits.MaxLimit}.");
        }

        if (skip is < 0 or > SearchLimits.MaxOffset)
        {
            return ProblemMapping.Problem(ProblemCatalog.BadRequest, $"offset must be between 0 and {SearchLimits.MaxOffset}.");
        }

        Collection? only = null;
        if (collection is not null)
        {
            if (!CollectionInfo.TryParse(collection, out var parsed))
            {
                return ProblemMapping.Problem(ProblemCatalog.BadRequest, "collection must be composition, combination or medicine.");
            }

            only = parsed;
        }

        var request = new SearchRequest(query) { Limit = take, Offset = skip, Collection = only, Correct = correct ?? true, Arrived = RequestArrival.Of(context) };
        return TypedResults.Ok(await cache.SearchAsync(request, cancellationToken).ConfigureAwait(false));
    }
}
