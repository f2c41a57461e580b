using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Formulary.Storage.Indexing;

/// <summary>
/// A prefix word as the ranking matches it, kept per index reader (one store generation's view: its segments and
/// deletions never change) and shared by the searches on that reader: Lucene's rewrite of the prefix (it walks every word
/// with that prefix) and, when that is a constant score over their merged documents, those documents per segment
/// (<see cref="OncePerLeafFilter"/>). Common last words ("dos", "renal") recur across distinct queries; walking their
/// words and merging 80,000 postings again cost about 0.7 ms of a large query's single-threaded start, and a rewrite
/// allocates more than the rest of the ranking (BENCHMARKS.md). The same query objects are what the search built
/// before, so matches and scores are unchanged. Bounded: once the kept sets would take <see cref="MaxBytes"/>, the
/// reader's cache starts again empty (it goes with the reader at the next import anyway).
/// </summary>
internal sealed class PrefixWords
{
    /// <summary>The bit sets one reader may keep: 335 prefixes of one field at 100,000 documents.</summary>
    public const long MaxBytes = 4 << 20;

    private static readonly ConditionalWeakTable<IndexReader, PrefixWords> Readers = [];

    private readonly Dictionary<(string Field, string Prefix), Word> words = [];
    private readonly int capacity;

    private PrefixWords(IndexReader reader) => capacity = (int)Math.Max(16, MaxBytes / Math.Max(1, reader.MaxDoc / 8));

    /// <summary>The query of prefix <paramref name="query"/> on <paramref name="reader"/>, and how many documents it may match (counted when asked).</summary>
    public static (Query Query, Lazy<int> Estimate) Of(IndexReader reader, PrefixQuery query)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(query);
        var cache = Readers.GetValue(reader, static reader => new PrefixWords(reader));
        var key = (query.Field, query.Prefix.Text);
        Word? word;
        lock (cache.words)
        {
            if (!cache.words.TryGetValue(key, out word))
            {
                if (cache.words.Count >= cache.capacity)
                {
                    cache.words.Clear();
                }

                cache.words[key] = word = new Word(reader, query);
            }
        }

        return (word.Query, word.Estimate);
    }

    /// <summary>
    /// Drops what <paramref name="reader"/>'s searches share: the warm-up's prefix words (<see cref="IndexWarmUp"/>), and in
    /// the search profile before each search, to measure one that meets none of its prefixes.
    /// </summary>
    internal static void Forget(IndexReader reader) => Readers.Remove(reader);

    /// <summary>How many prefix words <paramref name="reader"/>'s searches share now.</summary>
    internal static int Count(IndexReader reader)
    {
        if (!Readers.TryGetValue(reader, out var cache))
        {
            return 0;
        }

        lock (cache.words)
        {
            return cache.words.Count;
        }
    }

    private sealed class Word
    {
        public Word(IndexReader reader, PrefixQuery prefix)
        {
            var rewritten = prefix.Rewrite(reader);
            if (rewritten is ConstantScoreQuery { Filter: { } filter })
            {
                var shared = new OncePerLeafFilter(filter, reader.Leaves);
                Query = new ConstantScoreQuery(shared) { Boost = rewritten.Boost };
                Estimate = new(() => shared.Estimate(reader));
            }
            else
            {
                // Few words (Lucene's cut-off: at most 0.1 % of the documents): the query of those words, as rewritten.
                Query = rewritten;
                Estimate = new(0);
            }
        }

        public Query Query { get; }

        public Lazy<int> Estimate { get; }
    }
}
