using Formulary.Storage.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Formulary.Storage.Indexing;

/// <summary>
/// One pass over the matches: counts them per collection (before the collection filter, as the SQL search does) and keeps
/// the best <c>offset + limit</c> of the wanted collection in the ranking's order (<see cref="SearchGroups"/>: tier, then
/// collection, then score, then slug; <see cref="RankedDocument"/>). The tier of a match comes from the marks of the
/// exact-name, names and indications queries. Nothing is allocated per match: slugs are compared by their ordinals in
/// their segment and read only across segments and for the page. Every 1,024 matches it checks the search's deadline: the
/// pass is work no database can interrupt.
/// </summary>
internal sealed class GroupCollector(IndexSearcher searcher, FixedBitSet exact, FixedBitSet names, FixedBitSet indicated, int wanted, int keep, SearchDeadline deadline)
    : ICollector
{
    private readonly PriorityQueue<RankedDocument, RankedDocument> best = new(keep + 1, Comparer<RankedDocument>.Create((a, b) => -Order(searcher, a, b)));
    private Scorer scorer = null!;
    private NumericDocValues collections = null!;
    private NumericDocValues ids = null!;
    private SortedDocValues slugs = null!;
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
        var reader = context.AtomicReader;
        collections = reader.GetNumericDocValues(IndexedDocument.CollectionField);
        ids = reader.GetNumericDocValues(IndexedDocument.IdField);
        slugs = reader.GetSortedDocValues(IndexedDocument.SlugField);
    }

    public void Collect(int doc)
    {
        if ((++seen & 1023) == 0)
        {
            deadline.ThrowIfSpent();
        }

        var collection = (int)collections.Get(doc);
        Counts[collection]++;
        if (wanted >= 0 && collection != wanted)
        {
            return;
        }

        var global = docBase + doc;
        var tier = exact.Get(global) ? 0 : names.Get(global) ? 1 : indicated.Get(global) ? 2 : 3;
        var candidate = new RankedDocument(tier, collection, scorer.GetScore(), leaf, SlugOrdinal: -1, global, Id: 0);
        if (best.Count == keep && best.TryPeek(out var worst, out _))
        {
            // Most matches lose to the worst kept one before their slug or id is read.
            var coarse = RankedDocument.CompareBeforeSlug(candidate, worst);
            if (coarse > 0 || (coarse == 0 && worst.Leaf == leaf && slugs.GetOrd(doc) >= worst.SlugOrdinal))
            {
                return;
            }
        }

        var ranked = candidate with { SlugOrdinal = slugs.GetOrd(doc), Id = ids.Get(doc) };
        if (best.Count < keep)
        {
            best.Enqueue(ranked, ranked);
        }
        else if (Order(searcher, ranked, best.Peek()) < 0)
        {
            best.EnqueueDequeue(ranked, ranked);
        }
    }

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

    private static string SlugOf(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var value = new BytesRef();
        leaf.AtomicReader.GetSortedDocValues(IndexedDocument.SlugField).Get(doc - leaf.DocBase, value);
        return value.Utf8ToString();
    }
}
