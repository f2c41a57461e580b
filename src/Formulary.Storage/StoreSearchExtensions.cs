using Formulary.Storage.Search;

namespace Formulary.Storage;

/// <summary>The common call: a page of a query over every collection, corrected when misspelt.</summary>
public static class StoreSearchExtensions
{
    public static Task<SearchResults> SearchAsync(this IMonographStore store, string query, int limit, int offset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.SearchAsync(new SearchRequest(query) { Limit = limit, Offset = offset }, cancellationToken);
    }
}
