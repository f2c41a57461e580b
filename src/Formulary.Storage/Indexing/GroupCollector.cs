using Formulary.Storage.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Formulary.Storage.Indexing;

/// <summary>
/// One pass over the matches: counts them per collection (before the collection filter, as the SQL search does) and keeps
/// the best <c>offset + limit</c> of the wanted collection in the ranking's order (<see cref="SearchGroups"/>: tier, then
/// collection, then score, then slug; <see cref="RankedDocument"/>). The tier of a match comes from the marks of the
/// exact-name, names and indications queries. Every 1,024 matches it checks the search's deadline: the pass is work no
/// database can interrupt.
/// </summary>
internal sealed class GroupCollector(FixedBitSet exact, FixedBitSet names, FixedBitSet indicated, int wanted, int keep, SearchDeadline deadline) : ICollector
{
    private static readonly Comparer<RankedDocument> WorstFirst = Comparer<RankedDocument>.Create((a, b) => RankedDocument.Compare(b, a));

    private readonly PriorityQueue<RankedDocument, RankedDocument> best = new(keep + 1, WorstFirst);
    private readonly BytesRef slug = new();
    private Scorer scorer = null!;
    private NumericDocValues collections = null!;
    private NumericDocValues ids = null!;
    private SortedDocValues slugs = null!;
    private int docBase;
    private int seen;

    /// <summary>Matches per collection, by rank in <see cref="SearchGroups.Order"/>.</summary>
    public int[] Counts { get; } = new int[SearchGroups.Order.Count];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        docBase = context.DocBase;
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
        var score = scorer.GetScore();
        if (best.Count == keep && best.TryPeek(out var worst, out _))
        {
            // Only a match that beats the worst kept one needs its slug (and only a tie with it needs the slug to decide).
            var order = RankedDocument.Compare(new(tier, collection, score, string.Empty, 0), worst with { Slug = string.Empty });
            if (order > 0 || (order == 0 && string.CompareOrdinal(Slug(doc), worst.Slug) >= 0))
            {
                return;
            }
        }

        var ranked = new RankedDocument(tier, collection, score, Slug(doc), ids.Get(doc));
        if (best.Count == keep)
        {
            best.EnqueueDequeue(ranked, ranked);
        }
        else
        {
            best.Enqueue(ranked, ranked);
        }
    }

    /// <summary>The kept matches from <paramref name="offset"/> on, in ranking order.</summary>
    public IReadOnlyList<RankedDocument> From(int offset)
    {
        var kept = best.UnorderedItems.Select(item => item.Element).ToList();
        kept.Sort(RankedDocument.Compare);
        return kept.Count > offset ? kept[offset..] : [];
    }

    private string Slug(int doc)
    {
        slugs.Get(doc, slug);
        return slug.Utf8ToString();
    }
}
