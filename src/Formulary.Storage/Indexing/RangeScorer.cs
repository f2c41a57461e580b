using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Formulary.Storage.Indexing;

/// <summary>
/// A weight's matches in ranges of index-wide document numbers, asked in increasing order by one thread: a scorer per
/// segment, made when a range first reaches that segment and moved forward from range to range (a scorer only moves
/// forward, <see cref="DocIdSetIterator.Advance"/>). Each match goes to the collector in document order, scored by the
/// same scorer a whole-index search uses, so a match's score does not depend on the ranges.
/// </summary>
internal sealed class RangeScorer(Weight weight, IList<AtomicReaderContext> leaves)
{
    private readonly Scorer?[] scorers = new Scorer?[leaves.Count];
    private readonly bool[] made = new bool[leaves.Count];

    public void Each(int from, int to, ICollector collector)
    {
        for (var i = 0; i < leaves.Count; i++)
        {
            var leaf = leaves[i];
            var first = Math.Max(from, leaf.DocBase) - leaf.DocBase;
            var end = Math.Min(to, leaf.DocBase + leaf.AtomicReader.MaxDoc) - leaf.DocBase;
            if (first >= end || Scorer(i) is not { } scorer)
            {
                continue;
            }

            collector.SetNextReader(leaf);
            collector.SetScorer(scorer);
            var doc = scorer.DocID;
            if (doc < first)
            {
                doc = scorer.Advance(first);
            }

            for (; doc < end; doc = scorer.NextDoc())
            {
                collector.Collect(doc);
            }
        }
    }

    private Scorer? Scorer(int leaf)
    {
        if (!made[leaf])
        {
            scorers[leaf] = weight.GetScorer(leaves[leaf], leaves[leaf].AtomicReader.LiveDocs);
            made[leaf] = true;
        }

        return scorers[leaf];
    }
}
