using System.Data.Common;
using Formulary.Storage.Relational;
using Formulary.Storage.Search;
using Lucene.Net.Index;

namespace Formulary.Storage.Indexing;

/// <summary>
/// Searches run once after the first build, before the index answers anyone, so that the first searches people ask do
/// not pay for compiling the search's code. .NET compiles a method quickly first and again, optimized, only after it has
/// been called 30 times (twice, with dynamic PGO, for the profile): the first ~120 searches of a process ranked and
/// read their page at 3–6 times the cost of the later ones, whatever the query (BENCHMARKS.md, "search12"). The queries
/// are pairs of the index's most frequent words, the last a prefix as a typed query's last word is; each is ranked as a
/// search is (<see cref="IndexLease.Rank"/>, split as configured) and every second page's text and snippets are read
/// (<see cref="StoreSearchHits"/>). Nothing of them is kept: the prefix words they shared are dropped
/// (<see cref="PrefixWords.Forget"/>), so only the compiled code remains.
/// </summary>
internal static class IndexWarmUp
{
    /// <summary>Enough for every method of a search to reach its optimized code (the 30 calls, twice) with room.</summary>
    public const int Searches = 200;

    /// <summary>The most frequent words taken (each with four letters or more): 24, so 552 distinct ordered pairs.</summary>
    private const int Words = 24;

    /// <summary>Runs up to <paramref name="searches"/> searches on <paramref name="lease"/>; how many ran (none when the index has fewer than two such words).</summary>
    public static async Task<int> RunAsync(IndexLease lease, DbConnection connection, int searches, TimeProvider time, CancellationToken cancellationToken)
    {
        var words = Frequent(lease.Reader);
        if (words.Count < 2)
        {
            return 0;
        }

        var deadline = SearchDeadline.After(TimeSpan.FromMinutes(1), time);
        try
        {
            for (var i = 0; i < searches; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var query = words[i % words.Count] + " " + words[(i + (i / words.Count) + 1) % words.Count];
                var terms = SearchTerms.Parse(query);
                var ranked = lease.Rank(terms, new SearchRequest(query), deadline);
                if (i % 2 == 0)
                {
                    await StoreSearchHits.ReadAsync(connection, [.. ranked.Page.Select(r => (r.Document.Id, (double)r.Document.Score))], new TermMatcher(terms), deadline, cancellationToken);
                }
            }
        }
        finally
        {
            PrefixWords.Forget(lease.Reader);
        }

        return searches;
    }

    /// <summary>The <see cref="Words"/> words of the matched field found in the most documents, of letters only.</summary>
    private static List<string> Frequent(IndexReader reader)
    {
        var found = new PriorityQueue<string, int>();
        var terms = MultiFields.GetTerms(reader, IndexedDocument.AllField)?.GetEnumerator();
        while (terms is not null && terms.MoveNext())
        {
            var word = terms.Term.Utf8ToString();
            if (word.Length < 4 || !word.All(char.IsAsciiLetterLower))
            {
                continue;
            }

            found.Enqueue(word, terms.DocFreq);
            if (found.Count > Words)
            {
                found.Dequeue();
            }
        }

        var words = new List<string>(found.Count);
        while (found.Count > 0)
        {
            words.Add(found.Dequeue());
        }

        words.Sort(StringComparer.Ordinal);
        return words;
    }
}
