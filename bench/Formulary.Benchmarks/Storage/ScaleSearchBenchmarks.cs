using System.Diagnostics;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Formulary.Storage;
using Formulary.Storage.Search;
using Formulary.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Formulary.Benchmarks.Storage;

/// <summary>
/// Issue 9 points 3 and 4 at 100,000 documents (<see cref="ScaleSearchCorpus"/>): every invocation
/// asks a different query (400 distinct two-word queries taken from random documents' text, 400
/// distinct 2–5 letter name prefixes), one invocation per iteration, so the iteration statistics are
/// the per-query distribution (p99 from the JSON export). Baselines on the same file: a raw FTS5
/// MATCH of the same terms ordered by bm25 with LIMIT 10, and a raw FTS5 prefix query of the title
/// and names columns with LIMIT 8. The store has no cache of its own (the site's is above it).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
[IterationCount(Queries)]
[WarmupCount(20)]
public partial class ScaleSearchBenchmarks
{
    private const int Queries = 400;

    private SqliteMonographStore store = null!;
    private SqliteMonographStore? indexed;
    private SqliteConnection raw = null!;
    private string[] searches = [];
    private string[] prefixes = [];
    private int nextSearch;
    private int nextPrefix;

    [GlobalSetup]
    public void Setup()
    {
        store = SqliteMonographStore.Open(ScaleSearchCorpus.EnsureBuilt(), TimeProvider.System);
        raw = store.OpenConnection();
        var random = new Random(9);
        searches = TwoWordQueries(raw, random);
        prefixes = NamePrefixes(random);
    }

    /// <summary>
    /// A second store on the same file with its in-process index (ADR 0003), built before the first query and at the
    /// store's generation, so every query is answered by the index (a failure stops the run instead of falling back).
    /// </summary>
    [GlobalSetup(Target = nameof(IndexedStoreSearch))]
    public void SetupIndexed()
    {
        Setup();
        indexed = SqliteMonographStore.Open(ScaleSearchCorpus.DatabasePath, TimeProvider.System);
        var index = indexed.StartSearchIndex(exception => throw new InvalidOperationException("the search index failed", exception), catchUpBeforeSearch: false);
        var built = Stopwatch.StartNew();
        index.CatchUpAsync(CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine($"// search index built in {built.Elapsed.TotalSeconds:F1} s at generation {index.Generation}, managed heap {GC.GetTotalMemory(true) / 1_048_576} MB");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        raw.Dispose();
        store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        indexed?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void NextQuery()
    {
        nextSearch++;
        nextPrefix++;
    }

    [Benchmark(Baseline = true)]
    public int RawFts5Search()
    {
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT rowid, bm25(search) FROM search WHERE search MATCH $query ORDER BY bm25(search) LIMIT 10";
        command.Parameters.AddWithValue("$query", SearchTerms.ToFts5(SearchTerms.Parse(searches[nextSearch % searches.Length])));
        return Count(command);
    }

    [Benchmark]
    public int StoreSearch() =>
        store.SearchAsync(searches[nextSearch % searches.Length], SearchLimits.DefaultLimit, 0).GetAwaiter().GetResult().Hits.Count;

    /// <summary>The same search (counts per collection, tiers, sections and snippets for the page of 10) answered by the in-process index.</summary>
    [Benchmark]
    public int IndexedStoreSearch() =>
        indexed!.SearchAsync(searches[nextSearch % searches.Length], SearchLimits.DefaultLimit, 0).GetAwaiter().GetResult().Hits.Count;

    [Benchmark]
    public int RawFts5Prefix()
    {
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT rowid FROM search WHERE search MATCH $query LIMIT 8";
        command.Parameters.AddWithValue("$query", $"{{title names}} : \"{prefixes[nextPrefix % prefixes.Length]}\"*");
        return Count(command);
    }

    [Benchmark]
    public int StoreSuggest() =>
        store.SuggestAsync(prefixes[nextPrefix % prefixes.Length], SearchLimits.DefaultSuggestions).GetAwaiter().GetResult().Count;

    private static int Count(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }

    /// <summary>Two words of four letters or more from the text of random documents: distinct, and each finds at least that document.</summary>
    internal static string[] TwoWordQueries(SqliteConnection raw, Random random)
    {
        var queries = new HashSet<string>(StringComparer.Ordinal);
        var max = Scalar(raw, "SELECT max(id) FROM documents");
        while (queries.Count < Queries)
        {
            using var command = raw.CreateCommand();
            command.CommandText = "SELECT body_text FROM documents WHERE id >= $id AND latest_version > 0 ORDER BY id LIMIT 1";
            command.Parameters.AddWithValue("$id", random.NextInt64(1, max + 1));
            if (command.ExecuteScalar() is not string body)
            {
                continue;
            }

            var words = Word().Matches(body).Select(m => m.Value.ToLowerInvariant()).Distinct().ToArray();
            if (words.Length >= 2)
            {
                queries.Add(words[random.Next(words.Length)] + " " + words[random.Next(words.Length)]);
            }
        }

        return [.. queries];
    }

    /// <summary>The first 2 to 5 letters of random names (titles, brands, alternate names): distinct.</summary>
    private string[] NamePrefixes(Random random)
    {
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        var count = Scalar(raw, "SELECT count(*) FROM search_names WHERE kind <> 3");
        while (prefixes.Count < Queries)
        {
            using var command = raw.CreateCommand();
            command.CommandText = "SELECT folded FROM search_names WHERE kind <> 3 LIMIT 1 OFFSET $offset";
            command.Parameters.AddWithValue("$offset", random.NextInt64(count));
            var folded = (string)command.ExecuteScalar()!;
            var length = Math.Min(folded.Length, random.Next(2, 6));
            if (length >= 2 && !folded[..length].Contains(' ', StringComparison.Ordinal))
            {
                prefixes.Add(folded[..length]);
            }
        }

        return [.. prefixes];
    }

    private static long Scalar(SqliteConnection raw, string sql)
    {
        using var command = raw.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [GeneratedRegex(@"\b[A-Za-z]{4,}\b")]
    private static partial Regex Word();
}
