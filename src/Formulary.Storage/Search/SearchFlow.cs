namespace Formulary.Storage.Search;

/// <summary>
/// The steps of a search that both stores share: reduce the text to words, ask the store for the page,
/// and when nothing matched, find a correction and (if wanted) answer with its results. A store runs
/// the whole flow inside one time budget and throws <see cref="SearchTimedOutException"/> when it is spent.
/// </summary>
internal static class SearchFlow
{
    public delegate Task<SearchPage> PageQuery(IReadOnlyList<string> terms, SearchRequest request, CancellationToken cancellationToken);

    public delegate Task<string?> Correction(IReadOnlyList<string> terms, CancellationToken cancellationToken);

    public static async Task<SearchResults> RunAsync(SearchRequest request, PageQuery page, Correction correct, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Query);
        SearchLimits.Validate(request.Limit, request.Offset);
        var terms = SearchTerms.Parse(request.Query);
        if (terms.Count == 0)
        {
            return SearchResults.Empty(request);
        }

        SearchPage? found = null;
        string? suggestion = null;
        try
        {
            found = await page(terms, request, cancellationToken).ConfigureAwait(false);
            if (found.Counts.Sum(c => c.Count) > 0)
            {
                return Results(request.Query, request, found);
            }

            suggestion = await correct(terms, cancellationToken).ConfigureAwait(false);
            if (suggestion is not null && request.Correct)
            {
                var corrected = await page(SearchTerms.Parse(suggestion), request, cancellationToken).ConfigureAwait(false);
                if (corrected.Counts.Sum(c => c.Count) > 0)
                {
                    return Results(suggestion, request, corrected) with { CorrectedFrom = request.Query };
                }
            }

            return Results(request.Query, request, found) with { DidYouMean = suggestion };
        }
        catch (SearchTimedOutException) when (!cancellationToken.IsCancellationRequested)
        {
            // What it has: nothing, or the empty page of the words typed (and the correction, when the corrected search ran out).
            return (found is null ? SearchResults.Empty(request) : Results(request.Query, request, found) with { DidYouMean = suggestion }) with { TimedOut = true };
        }
    }

    private static SearchResults Results(string query, SearchRequest request, SearchPage page) =>
        new(query, page.Total, request.Limit, request.Offset, page.Hits, null) { Collection = request.Collection, Counts = page.Counts };
}
