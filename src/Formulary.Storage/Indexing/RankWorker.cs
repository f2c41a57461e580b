using Formulary.Storage.Search;
using Lucene.Net.Search;

namespace Formulary.Storage.Indexing;

/// <summary>
/// One thread's share of a ranking (<see cref="RankRun"/>): for each range it takes, the tiers of the range's documents,
/// then its matches collected into its own <see cref="GroupCollector"/>. Its scorers move forward from range to range.
/// </summary>
internal sealed class RankWorker
{
    private readonly RangeScorer all;
    private readonly RangeScorer? exact;
    private readonly RangeScorer named;
    private readonly RangeScorer indicated;
    private readonly RangeTiers tiers = new();

    public RankWorker(IndexSearcher searcher, RankWeights weights, int wanted, int keep, SearchDeadline deadline)
    {
        var leaves = searcher.IndexReader.Leaves;
        all = new(weights.All, leaves);
        exact = weights.Exact is { } name ? new(name, leaves) : null;
        named = new(weights.Named, leaves);
        indicated = new(weights.Indicated, leaves);
        Groups = new(searcher, tiers, wanted, keep, deadline);
    }

    public GroupCollector Groups { get; }

    /// <summary>Ranks the documents numbered <paramref name="start"/> to <paramref name="end"/> (excluded); ranges come in increasing order.</summary>
    public void Rank(int start, int end)
    {
        tiers.Reset(start, end);
        tiers.Mark(exact, 0);
        tiers.Mark(named, 1);
        tiers.Mark(indicated, 2);
        all.Each(start, end, Groups);
    }
}
