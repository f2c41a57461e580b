using BenchmarkDotNet.Attributes;
using Formulary.Storage;
using Formulary.Storage.Search;
using Formulary.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Formulary.Benchmarks.Storage;

/// <summary>
/// <see cref="SqliteMonographStore.SearchAsync"/> (word extraction, count, tiered ranking, snippet,
/// HTML escaping, did-you-mean when nothing matches) against the baseline of one raw FTS5 MATCH
/// of the same prefix terms, ordered by bm25 with LIMIT 10 (rowid and bm25 only), on the same database file.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private SqliteMonographStore store = null!;
    private SqliteConnection raw = null!;
    private string match = "";

    /// <summary>A brand name (few hits), a prefix (few), a word in every document (5,000 hits), a misspelling (none).</summary>
    [Params("Clolar", "clofar", "leukemia", "klofarabine")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var path = SearchCorpus.EnsureBuilt();
        store = SqliteMonographStore.Open(path, TimeProvider.System);
        raw = store.OpenConnection();
        match = SearchTerms.ToFts5(SearchTerms.Parse(Query));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        raw.Dispose();
        store.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public int RawFts5Match()
    {
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT rowid, bm25(search) FROM search WHERE search MATCH $query ORDER BY bm25(search) LIMIT 10";
        command.Parameters.AddWithValue("$query", match);
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows += reader.GetInt64(0) > 0 ? 1 : 0;
        }

        return rows;
    }

    [Benchmark]
    public async Task<int> StoreSearch()
    {
        var results = await store.SearchAsync(Query, SearchLimits.DefaultLimit, 0);
        return results.Hits.Count + (results.DidYouMean is null ? 0 : 1);
    }
}
