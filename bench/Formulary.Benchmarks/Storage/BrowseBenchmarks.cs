using BenchmarkDotNet.Attributes;
using Formulary.Monographs;
using Formulary.Storage.Browsing;
using Formulary.Storage.Sqlite;

namespace Formulary.Benchmarks.Storage;

/// <summary>
/// The A–Z queries (<see cref="BrowseLetter"/>) on 100,000 documents against the baseline of one
/// monograph read by its key (<c>GetAsync</c>, what every monograph page does), on the same file:
/// a page of a letter, the last page of the largest letter, the bar's counts, the ten most recent;
/// and, for contrast, listing every document (what an A–Z built from the full listing would read).
/// </summary>
[MemoryDiagnoser]
public class BrowseBenchmarks
{
    private SqliteMonographStore store = null!;
    private string largest = "a";
    private int lastOffset;

    [GlobalSetup]
    public void Setup()
    {
        store = SqliteMonographStore.Open(BrowseCorpus.EnsureBuilt(), TimeProvider.System);
        var counts = store.CountByLetterAsync().GetAwaiter().GetResult();
        var top = counts.MaxBy(c => c.Count)!;
        largest = top.Letter;
        lastOffset = (top.Count - 1) / BrowseLimits.PageSize * BrowseLimits.PageSize;
    }

    [GlobalCleanup]
    public void Cleanup() => store.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public async Task<int> GetOneMonograph() =>
        (await store.GetAsync(Collection.Composition, "drug-050000"))!.Version.Number;

    [Benchmark]
    public async Task<int> FirstPageOfLargestLetter() =>
        (await store.BrowseAsync(Collection.Composition, largest, 0, BrowseLimits.PageSize)).Count;

    [Benchmark]
    public async Task<int> LastPageOfLargestLetter() =>
        (await store.BrowseAsync(Collection.Composition, largest, lastOffset, BrowseLimits.PageSize)).Count;

    [Benchmark]
    public async Task<int> CountByLetter() => (await store.CountByLetterAsync()).Count;

    [Benchmark]
    public async Task<int> RecentTen() => (await store.ListRecentAsync(10, everyVersion: false)).Count;

    [Benchmark]
    public async Task<int> ListEveryDocument() => (await store.ListAsync()).Count;
}
