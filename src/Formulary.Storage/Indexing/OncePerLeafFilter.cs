using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Formulary.Storage.Indexing;

/// <summary>
/// A filter's documents computed once per segment for one search, however many ranges (<see cref="RankRun"/>) ask for
/// them: a prefix word's filter (<see cref="MultiTermQueryWrapperFilter{Q}"/>) walks every word with that prefix and
/// merges their postings into a bit set, work each range's scorer would otherwise repeat. The set is the inner filter's
/// own (same type, same cost), so the query scores and orders exactly as with the inner filter.
/// </summary>
internal sealed class OncePerLeafFilter : Filter
{
    private readonly Filter inner;
    private readonly Lazy<DocIdSet?>[] sets;

    public OncePerLeafFilter(Filter inner, IList<AtomicReaderContext> leaves)
    {
        this.inner = inner;
        sets = [.. leaves.Select(leaf => new Lazy<DocIdSet?>(() => inner.GetDocIdSet(leaf, leaf.AtomicReader.LiveDocs)))];
    }

    /// <summary>How many documents of the segments it may match: the bit sets' counts (computing them), an upper bound otherwise.</summary>
    public int Estimate(IndexReader reader)
    {
        var count = 0;
        foreach (var set in sets)
        {
            count += set.Value switch
            {
                null => 0,
                FixedBitSet bits => bits.Cardinality,
                _ => reader.MaxDoc,
            };
        }

        return count;
    }

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ReferenceEquals(acceptDocs, context.AtomicReader.LiveDocs) && context.Ord < sets.Length
            ? sets[context.Ord].Value
            : inner.GetDocIdSet(context, acceptDocs);
    }
}
