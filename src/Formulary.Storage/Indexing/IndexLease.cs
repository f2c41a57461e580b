using Formulary.Storage.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Formulary.Storage.Indexing;

/// <summary>
/// One search's view of the index (a searcher held until disposed): the ranked page of a query, and which words find
/// anything for "did you mean". Neither reads the store; the hits' text is read for the page only (<see cref="IndexedSearch"/>).
/// </summary>
internal sealed class IndexLease(SearchIndex index, IndexSearcher searcher) : IDisposable
{
    public SearchIndex Index => index;

    /// <summary>
    /// The page of <paramref name="request"/>, its total and the counts per collection, ranked on as many cores as
    /// <paramref name="split"/> (default: the index's <see cref="SearchIndex.Split"/>) allows for a query this large.
    /// </summary>
    public (IReadOnlyList<(RankedDocument Document, string Slug)> Page, int Total, IReadOnlyList<CollectionCount> Counts) Rank(
        IReadOnlyList<string> terms, SearchRequest request, SearchDeadline deadline, RankSplit? split = null)
    {
        deadline.ThrowIfTooLateToStart();
        var weights = RankWeights.For(searcher, terms);
        var wanted = request.Collection is { } only ? SearchGroups.RankOf(only) : -1;
        var keep = request.Offset + request.Limit;
        var collectors = RankRun.Rank(searcher, (split ?? index.Split).For(weights.Estimate), () => new RankWorker(searcher, weights, wanted, keep, deadline));
        var matches = new int[SearchGroups.Order.Count];
        foreach (var collector in collectors)
        {
            for (var rank = 0; rank < matches.Length; rank++)
            {
                matches[rank] += collector.Counts[rank];
            }
        }

        var counts = SearchGroups.Order.Select(c => new CollectionCount(c, matches[SearchGroups.RankOf(c)])).ToList();
        var total = wanted < 0 ? matches.Sum() : matches[wanted];
        return (GroupCollector.From(searcher, collectors, request.Offset, keep), total, counts);
    }

    /// <summary>The words that find something alone, matched as in the whole query.</summary>
    public IReadOnlySet<string> TermsWithHits(IReadOnlyList<string> terms, SearchDeadline deadline)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            deadline.ThrowIfTooLateToStart();
            var hits = new TotalHitCountCollector();
            searcher.Search(IndexQueries.Word(terms, i, IndexedDocument.AllField), hits);
            if (hits.TotalHits > 0)
            {
                found.Add(terms[i]);
            }
        }

        return found;
    }

    /// <summary>The index as this search sees it (one store generation).</summary>
    public IndexReader Reader => searcher.IndexReader;

    public void Dispose() => index.Release(searcher);
}
