using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Formulary.Storage.Indexing;

/// <summary>
/// The ranking tier of each document of one range of the index (index-wide numbers from <see cref="Start"/>): 0 exact
/// name, 1 title or names, 2 indications, 3 the rest. Marks are allocated when a tier first matches, then reused
/// for the worker's next ranges.
/// </summary>
internal sealed class RangeTiers
{
    private readonly FixedBitSet?[] marks = new FixedBitSet?[3];
    private readonly bool[] marked = new bool[3];
    private int length;

    public int Start { get; private set; }

    public void Reset(int start, int end)
    {
        Start = start;
        length = end - start;
        for (var tier = 0; tier < marks.Length; tier++)
        {
            if (marked[tier])
            {
                marks[tier]!.Clear(0, marks[tier]!.Length);
                marked[tier] = false;
            }
        }
    }

    /// <summary>Marks the range's documents that <paramref name="scorer"/> matches (none: no query) as of <paramref name="tier"/>.</summary>
    public void Mark(RangeScorer? scorer, int tier)
    {
        scorer?.Each(Start, Start + length, new Marker(this, tier));
    }

    public int TierOf(int doc)
    {
        for (var tier = 0; tier < marks.Length; tier++)
        {
            if (marked[tier] && marks[tier]!.Get(doc - Start))
            {
                return tier;
            }
        }

        return 3;
    }

    private void Set(int tier, int doc)
    {
        var bits = marks[tier];
        if (bits is null || bits.Length < length)
        {
            marks[tier] = bits = new FixedBitSet(length);
        }

        bits.Set(doc - Start);
        marked[tier] = true;
    }

    private sealed class Marker(RangeTiers tiers, int tier) : ICollector
    {
        private int docBase;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

        public void Collect(int doc) => tiers.Set(tier, docBase + doc);
    }
}
