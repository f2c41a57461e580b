using Formulary.Storage.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Formulary.Storage.Indexing;

/// <summary>
/// One pass over the matches: counts them per collection (before the collection filter, as the SQL search does) and keeps
/// the best <c>offset + limit</c> of the wanted collection in the ranking's order (<see cref="SearchGroups"/>: tier, then
/// collection, then score, then slug; <see cref="RankedDocument"/>). The tier of a match comes from the marks of the
/// exact-name, names and indications queries over the range being collected (<see cref="RangeTiers"/>); one collector may
/// collect several ranges, and the collectors of a split ranking are merged (<see cref="From"/>). A match of a later group than the worst kept one is
/// dropped unscored. Nothing is allocated or read through the directory per match: the collection, id and slug ordinal
/// come from the segment's arrays (<see cref="SegmentValues"/>); slugs are compared by their ordinals in their segment
/// and read only across segments and for the page. Every 1,024 matches it checks the search's deadline: the pass is
/// work no database can interrupt.
/// </summary>
internal sealed class GroupCollector(IndexSearcher searcher, RangeTiers tiers, int wanted, int keep, SearchDeadline deadline)
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

        var tier = tiers.TierOf(docBase + doc);
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

    /// <summary>
    /// The best <paramref name="keep"/> of the matches <paramref name="collectors"/> kept (each its best of the ranges it
    /// collected; the order is total, so the best of all are among them), from <paramref name="offset"/> on, in ranking
    /// order, with their slugs.
    /// </summary>
    public static IReadOnlyList<(RankedDocument Document, string Slug)> From(IndexSearcher searcher, IEnumerable<GroupCollector> collectors, int offset, int keep)
    {
        var kept = collectors.SelectMany(c => c.best.UnorderedItems.Select(item => item.Element)).ToList();
        kept.Sort((a, b) => Order(searcher, a, b));
        var end = Math.Min(kept.Count, keep);
        return end > offset ? [.. kept[offset..end].Select(d => (d, SlugOf(searcher, d.Doc)))] : [];
    }

    /// <summary>The full order: <see cref="RankedDocument.CompareBeforeSlug"/>, then the slugs.</summary>
    private static int Order(IndexSearcher searcher, RankedDocument a, RankedDocument b)
    {
        var order = RankedDocument.CompareBeforeSlug(a, b);
        return order != 0 || a.Doc == b.Doc ? order
            : a.Leaf == b.Leaf ? a.SlugOrdinal.CompareTo(b.SlugOrdinal)
            : string.CompareOrdinal(SlugOf(searcher, a.Doc), SlugOf(searcher, b.Doc));
    }

    private static string SlugOf(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var value = new BytesRef();
        leaf.AtomicReader.GetSortedDocValues(IndexedDocument.SlugField).Get(doc - leaf.DocBase, value);
        return value.Utf8ToString();
    }
}
