using System.Data.Common;
using Formulary.Storage.Relational;
using Formulary.Storage.Search;

namespace Formulary.Storage.Indexing;

/// <summary>
/// Where a store's search meets its index: the <see cref="SearchFlow"/> steps (page, words with hits) answered by the
/// index when it holds the store's generation, and by the store's own SQL otherwise or when the index fails (reported
/// once, <see cref="SearchIndex.Report"/>). The page's text, sections and snippets are read from the store as the SQL
/// search reads them (<see cref="StoreSearchHits"/>), so a document removed since is never shown.
/// </summary>
internal static class IndexedSearch
{
    /// <summary>The index's view for one search, or null when there is no index or it does not hold the store's generation now.</summary>
    public static async Task<IndexLease?> LeaseAsync(SearchIndex? index, DbConnection connection, CancellationToken cancellationToken)
    {
        if (index is null)
        {
            return null;
        }

        if (index.CatchUpBeforeSearch)
        {
            await index.CatchUpAsync(cancellationToken);
        }

        var lease = index.Lease(await StoreReads.GenerationAsync(connection, cancellationToken));
        return lease is null && index.CatchUpBeforeSearch ? throw new InvalidOperationException("the search index is not at the store's generation") : lease;
    }

    public static async Task<SearchPage> PageAsync(
        IndexLease? lease, DbConnection connection, IReadOnlyList<string> terms, SearchRequest request, SearchDeadline deadline,
        Func<Task<SearchPage>> sql, CancellationToken cancellationToken)
    {
        if (lease is null)
        {
            return await sql();
        }

        (IReadOnlyList<(RankedDocument Document, string Slug)> Page, int Total, IReadOnlyList<CollectionCount> Counts) ranked;
        try
        {
            ranked = lease.Rank(terms, request, deadline);
        }
        catch (Exception exception) when (Unexpected(exception, lease))
        {
            return await sql();
        }

        deadline.ThrowIfTooLateToStart();
        var hits = await StoreSearchHits.ReadAsync(connection, [.. ranked.Page.Select(r => (r.Document.Id, (double)r.Document.Score))], new TermMatcher(terms), deadline, cancellationToken);
        return new SearchPage(hits, ranked.Total, ranked.Counts);
    }

    public static async Task<IReadOnlySet<string>> TermsWithHitsAsync(
        IndexLease? lease, IReadOnlyList<string> terms, SearchDeadline deadline, Func<Task<IReadOnlySet<string>>> sql)
    {
        if (lease is not null)
        {
            try
            {
                return lease.TermsWithHits(terms, deadline);
            }
            catch (Exception exception) when (Unexpected(exception, lease))
            {
            }
        }

        return await sql();
    }

    /// <summary>Anything but the search's own time-out or cancellation is the index's failure: reported, and SQL answers.</summary>
    private static bool Unexpected(Exception exception, IndexLease lease)
    {
        if (exception is SearchTimedOutException or OperationCanceledException)
        {
            return false;
        }

        lease.Index.Report(exception);
        return true;
    }
}
