using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Formulary.Storage.Indexing;

/// <summary>Marks the documents a tier's query matches, by their index-wide number (no marks allocated when none matches).</summary>
internal sealed class TierCollector(int maxDoc) : ICollector
{
    private int docBase;

    public FixedBitSet? Matches { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

    public void Collect(int doc) => (Matches ??= new FixedBitSet(maxDoc)).Set(docBase + doc);

    /// <summary>The documents <paramref name="query"/> matches; null when there is no query or it matches nothing.</summary>
    public static FixedBitSet? Of(IndexSearcher searcher, Query? query)
    {
        var collector = new TierCollector(searcher.IndexReader.MaxDoc);
        if (query is not null)
        {
            searcher.Search(query, collector);
        }

        return collector.Matches;
    }
}
