using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Formulary.Storage.Indexing;

/// <summary>Marks the documents a tier's query matches, by their index-wide number.</summary>
internal sealed class TierCollector(int maxDoc) : ICollector
{
    private int docBase;

    public FixedBitSet Matches { get; } = new(maxDoc);

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

    public void Collect(int doc) => Matches.Set(docBase + doc);

    public static FixedBitSet Of(IndexSearcher searcher, Query? query)
    {
        var collector = new TierCollector(searcher.IndexReader.MaxDoc);
        if (query is not null)
        {
            searcher.Search(query, collector);
        }

        return collector.Matches;
    }
}
