using Formulary.Storage.Search;
using Lucene.Net.Search;

namespace Formulary.Storage.Indexing;

/// <summary>
/// One search's view of the index (a searcher held until disposed): the ranked page of a query, and which words find
/// anything for "did you mean". Neither reads the store; the hits' text is read for the page only (<see cref="IndexedSearch"/>).
/// </summary>
internal sealed class IndexLease(SearchIndex index, IndexSearcher searcher) : IDisposable
{
    public SearchIndex Index => index;

    public (IReadOnlyList<(RankedDocument Document, string Slug)> Page, int Total, IReadOnlyList<CollectionCount> Counts) Rank(
        IReadOnlyList<string> terms, SearchRequest request, SearchDeadline deadline)
    {
        deadline.ThrowIfTooLateToStart();
        var exact = TierCollector.Of(searcher, IndexQueries.ExactName(terms));
        var names = TierCollector.Of(searcher, IndexQueries.Match(terms, IndexedDocument.NamedField));
        var indicated = TierCollector.Of(searcher, IndexQueries.Match(terms, IndexedDocument.IndicatedField));
        var wanted = request.Collection is { } only ? SearchGroups.RankOf(only) : -1;
        var groups = new GroupCollector(searcher, exact, names, indicated, wanted, request.Offset + request.Limit, deadline);
        searcher.Search(IndexQueries.Match(terms, IndexedDocument.AllField), groups);
        var counts = SearchGroups.Order.Select(c => new CollectionCount(c, groups.Counts[SearchGroups.RankOf(c)])).ToList();
        var total = wanted < 0 ? groups.Counts.Sum() : groups.Counts[wanted];
        return (groups.From(request.Offset), total, counts);
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

    public void Dispose() => index.Release(searcher);
}
