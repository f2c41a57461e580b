using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Formulary.Storage.Indexing;

/// <summary>
/// A filter's documents computed once per segment of one reader, however many ranges (<see cref="RankRun"/>) and searches
/// ask for them (<see cref="PrefixWords"/>): a prefix word's filter (<see cref="MultiTermQueryWrapperFilter{Q}"/>) walks every word with that prefix and
/// merges their postings into a bit set, work each range's scorer would otherwise repeat. The set is the inner filter's
/// own (same type, same cost), so the query scores and orders exactly as with the inner filter.
/// </summary>
internal sealed class OncePerLeafFilter : Filter
{
    private readonly Filter inner;
    private readonly IList<AtomicReaderContext> leaves;
    private readonly Lazy<DocIdSet?>[] sets;

    public OncePerLeafFilter(Filter inner, IList<AtomicReaderContext> leaves)
    {
        this.inner = inner;
        this.leaves = leaves;
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
        var ord = context.Ord;
        return ord < sets.Length && ReferenceEquals(leaves[ord].AtomicReader, context.AtomicReader) && ReferenceEquals(acceptDocs, context.AtomicReader.LiveDocs)
            ? sets[ord].Value
            : inner.GetDocIdSet(context, acceptDocs);
    }
}
