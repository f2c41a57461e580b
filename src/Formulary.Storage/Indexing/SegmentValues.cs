using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Formulary.Storage.Indexing;

/// <summary>
/// A segment's per-document values as plain arrays: collection rank, store id and slug ordinal. Lucene's doc values
/// read each value through the directory (a seek and a few bytes), which was a tenth of a large search's time
/// (<see cref="GroupCollector"/> reads the collection of every match). Loaded once per segment, when a searcher is
/// opened on it (<see cref="SearchIndex"/>), and kept as long as the segment is (<see cref="IndexReader.CoreCacheKey"/>:
/// deletions do not change a segment's values, and the collectors see live documents only).
/// </summary>
internal sealed class SegmentValues
{
    private static readonly ConditionalWeakTable<object, SegmentValues> Loaded = [];

    private SegmentValues(AtomicReader reader)
    {
        var count = reader.MaxDoc;
        var collections = reader.GetNumericDocValues(IndexedDocument.CollectionField);
        var ids = reader.GetNumericDocValues(IndexedDocument.IdField);
        var slugs = reader.GetSortedDocValues(IndexedDocument.SlugField);
        Collections = new byte[count];
        Ids = new long[count];
        SlugOrdinals = new int[count];
        for (var doc = 0; doc < count; doc++)
        {
            Collections[doc] = (byte)collections.Get(doc);
            Ids[doc] = ids.Get(doc);
            SlugOrdinals[doc] = slugs.GetOrd(doc);
        }
    }

    /// <summary>Rank in <see cref="Search.SearchGroups.Order"/>, by document number in the segment.</summary>
    public byte[] Collections { get; }

    /// <summary>The store's <c>documents.id</c>.</summary>
    public long[] Ids { get; }

    /// <summary>The slug's ordinal in the segment's sorted slugs: within one segment, the slugs' byte order.</summary>
    public int[] SlugOrdinals { get; }

    public static SegmentValues Of(AtomicReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Loaded.GetValue(reader.CoreCacheKey, _ => new SegmentValues(reader));
    }
}
