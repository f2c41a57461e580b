using Formulary.Storage.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Formulary.Storage.Indexing;

/// <summary>
/// One pass over the matches: counts them per collection (before the collection filter, as the SQL search does) and keeps
/// the best <c>offset + limit</c> of the wanted collection in the ranking's order (<see cref="SearchGroups"/>: tier, then
/// collection, then score, then slug; <see cref="RankedDocument"/>). The tier of a match comes from the marks of the
/// exact-name, names and indications queries (null: none). A match of a later group than the worst kept one is
/// dropped unscored. Nothing is allocated or read through the directory per match: the collection, id and slug ordinal
/// come from the segment's arrays (<see cref="SegmentValues"/>); slugs are compared by their ordinals in their segment
/// and read only across segments and for the page. Every 1,024 matches it checks the search's deadline: the pass is
/// work no database can interrupt.
/// </summary>
internal sealed class GroupCollector(IndexSearcher searcher, FixedBitSet? exact, FixedBitSet? names, FixedBitSet? indicated, int wanted, int keep, SearchDeadline deadline)
    : ICollector
{
    private readonly PriorityQueue<RankedDocument, RankedDocument> best = new(keep + 1, Comparer<RankedDocument>.Create((a, b) => -Order(searcher, a, b)));
    private Scorer scorer = null!;
    private SegmentValues values = null!;

    /// <summary>The last of the kept matches (the first to go), once any is kept.</summary>
    private RankedDocument worst;
    private int docBase;
    private int leaf;
    private int seen;

    /// <summary>Matches per collection, by rank in <see cref="SearchGroups.Order"/>.</summary>
    public int[] Counts { get; } = new int[SearchGroups.Order.Count];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        docBase = context.DocBase;
        leaf = context.Ord;
        values = SegmentValues.Of(context.AtomicReader);
    }

    public void Collect(int doc)
    {
        if ((++seen & 1023) == 0)
        {
            deadline.ThrowIfSpent();
        }

        int collection = values.Collections[doc];
        Counts[collection]++;
        if (wanted >= 0 && collection != wanted)
        {
            return;
        }

        var global = docBase + doc;
        var tier = Marked(exact, global) ? 0 : Marked(names, global) ? 1 : Marked(indicated, global) ? 2 : 3;
        if (best.Count < keep)
        {
            var kept = Ranked(doc, tier, collection, scorer.GetScore());
            best.Enqueue(kept, kept);
            worst = best.Peek();
            return;
        }

        // Most matches lose to the worst kept one by their group alone, before they are scored, or by their score.
        if (RankedDocument.CompareGroups(tier, collection, worst) > 0)
        {
            return;
        }

        var candidate = Ranked(doc, tier, collection, scorer.GetScore());
        if (Order(searcher, candidate, worst) < 0)
        {
            best.EnqueueDequeue(candidate, candidate);
            worst = best.Peek();
        }
    }

    private RankedDocument Ranked(int doc, int tier, int collection, float score) =>
        new(tier, collection, score, leaf, values.SlugOrdinals[doc], docBase + doc, values.Ids[doc]);

    /// <summary>The kept matches from <paramref name="offset"/> on, in ranking order, with their slugs.</summary>
    public IReadOnlyList<(RankedDocument Document, string Slug)> From(int offset)
    {
        var kept = best.UnorderedItems.Select(item => item.Element).ToList();
        kept.Sort((a, b) => Order(searcher, a, b));
        return kept.Count > offset ? [.. kept[offset..].Select(d => (d, SlugOf(searcher, d.Doc)))] : [];
    }

    /// <summary>The full order: <see cref="RankedDocument.CompareBeforeSlug"/>, then the slugs.</summary>
    private static int Order(IndexSearcher searcher, RankedDocument a, RankedDocument b)
    {
        var order = RankedDocument.CompareBeforeSlug(a, b);
        return order != 0 || a.Doc == b.Doc ? order
            : a.Leaf == b.Leaf ? a.SlugOrdinal.CompareTo(b.SlugOrdinal)
            : string.CompareOrdinal(SlugOf(searcher, a.Doc), SlugOf(searcher, b.Doc));
    }

    private static bool Marked(FixedBitSet? tier, int doc) => tier is not null && tier.Get(doc);

    private static string SlugOf(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var value = new BytesRef();
        leaf.AtomicReader.GetSortedDocValues(IndexedDocument.SlugField).Get(doc - leaf.DocBase, value);
        return value.Utf8ToString();
    }
}
