using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Formulary.Storage;
using Formulary.Storage.Indexing;
using Formulary.Storage.Relational;
using Formulary.Storage.Search;
using Formulary.Storage.Sqlite;

namespace Formulary.Benchmarks.Storage;

/// <summary>
/// <c>profile-search [--rounds N] [--one-range]</c>: what the indexed search's time is made of, per query, on the store of
/// <see cref="ScaleSearchCorpus"/> and the 400 queries of <see cref="ScaleSearchBenchmarks"/>. For each query, on the
/// calling thread: the ranking (<see cref="IndexLease.Rank"/>) and the page's text and snippets
/// (<see cref="StoreSearchHits"/>), each by the thread's CPU clock (time waiting for a core does not count) and wall
/// time; then the whole <c>SearchAsync</c> by wall time, with the collector's pause time (<see cref="GC.GetTotalPauseDuration"/>)
/// and the process's CPU during it (<c>--one-range</c>: every ranking on the searching thread alone, <see cref="RankSplit.None"/>;
/// <c>--cold</c>: as BenchmarkDotNet measures, a full collection before each part and before the whole search;. Prints percentiles and the ten slowest searches with their parts.
/// </summary>
internal static partial class SearchProfile
{
    public static int Run(string[] args)
    {
        var rounds = args.Length >= 2 && args[0] == "--rounds" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var store = SqliteMonographStore.Open(ScaleSearchCorpus.EnsureBuilt(), TimeProvider.System);
        var index = store.StartSearchIndex(
            exception => throw new InvalidOperationException("the search index failed", exception), catchUpBeforeSearch: false,
            warmUpSearches: args.Contains("--no-warm-up") ? 0 : IndexWarmUp.Searches);
        index.CatchUpAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (args.Contains("--one-range"))
        {
            index.Split = RankSplit.None;
        }

        var cold = args.Contains("--cold");
        // --first: no warm-up round, and (with --cold) the whole search timed before its parts, so that it meets the
        // JIT's tiers and the prefix words as BenchmarkDotNet's first iterations do; --reverse: the queries last to first.
        var first = args.Contains("--first");
        var forget = args.Contains("--forget-prefixes");
        var dumpAt = Array.IndexOf(args, "--dump");
        var dump = dumpAt >= 0 ? File.CreateText(args[dumpAt + 1]) : null;
        string[] queries;
        using (var raw = store.OpenConnection())
        {
            queries = ScaleSearchBenchmarks.TwoWordQueries(raw, new Random(9));
        }

        if (args.Contains("--reverse"))
        {
            Array.Reverse(queries);
        }

        // How often a query's last word (its prefix) was asked before: what PrefixWords shares between distinct queries.
        var lastWords = queries.Select(q => SearchTerms.Parse(q)[^1]).ToList();
        Console.WriteLine($"{queries.Length} queries, {lastWords.Distinct().Count()} distinct last words (prefixes)");
        var rows = new List<Row>();
        for (var round = first ? 1 : 0; round <= rounds; round++)
        {
            foreach (var query in queries)
            {
                var row = Measure(store, index, query, cold, first, forget, round == (first ? 1 : 0) ? dump : null);
                if (round > 0)
                {
                    rows.Add(row);
                }
            }
        }

        Print("rank CPU", rows.Select(r => r.RankCpu));
        Print("rank wall", rows.Select(r => r.RankWall));
        Print("page CPU", rows.Select(r => r.PageCpu));
        Print("page wall", rows.Select(r => r.PageWall));
        Print("search wall", rows.Select(r => r.SearchWall));
        Print("search GC pause", rows.Select(r => r.SearchPause));
        Print("search process CPU", rows.Select(r => r.SearchProcessCpu));
        Console.WriteLine($"allocated per ranking {rows.Average(r => r.RankBytes) / 1024:F0} KB, per page {rows.Average(r => r.PageBytes) / 1024:F0} KB; gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}");
        Console.WriteLine("search wall, mean of each 40 in the order asked: " + string.Join(' ', rows.Chunk(40).Select(c => c.Average(r => r.SearchWall).ToString("F1", CultureInfo.InvariantCulture))));
        Console.WriteLine("search process CPU, mean of each 40: " + string.Join(' ', rows.Chunk(40).Select(c => c.Average(r => r.SearchProcessCpu).ToString("F1", CultureInfo.InvariantCulture))));
        Console.WriteLine("slowest searches (wall): query | matches | search wall | GC pause | process CPU | rank CPU | page CPU");
        foreach (var row in rows.OrderByDescending(r => r.SearchWall).Take(10))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {row.Query,-28} {row.Matches,7} {row.SearchWall,7:F2} {row.SearchPause,6:F2} {row.SearchProcessCpu,6:F2} {row.RankCpu,6:F2} {row.PageCpu,6:F2}"));
        }

        dump?.Dispose();
        store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return 0;
    }

    private static Row Measure(SqliteMonographStore store, SearchIndex index, string query, bool cold, bool first, bool forget, TextWriter? dump)
    {
        if (forget)
        {
            using var held = index.Lease(index.Generation);
            PrefixWords.Forget(held!.Reader);
        }

        var whole = first ? Search(store, query, cold) : default;
        var terms = SearchTerms.Parse(query);
        var request = new SearchRequest(query);
        var deadline = SearchDeadline.After(TimeSpan.FromSeconds(10), TimeProvider.System);
        using var connection = store.OpenConnection();
        using var lease = IndexedSearch.LeaseAsync(index, connection, CancellationToken.None).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException("the index is not at the store's generation");

        Collect(cold);
        var (cpu, wall, bytes) = Start();
        var ranked = lease.Rank(terms, request, deadline);
        var (rankCpu, rankWall, rankBytes) = Since(cpu, wall, bytes);

        if (forget)
        {
            PrefixWords.Forget(lease.Reader);
        }

        Collect(cold);
        (cpu, wall, bytes) = Start();
        var hits = StoreSearchHits.ReadAsync(connection, [.. ranked.Page.Select(r => (r.Document.Id, (double)r.Document.Score))], new TermMatcher(terms), deadline, CancellationToken.None).GetAwaiter().GetResult();
        var (pageCpu, pageWall, pageBytes) = Since(cpu, wall, bytes);

        var (results, searchWall, searchPause, searchProcessCpu) = first ? whole : Search(store, query, cold);
        if (!results.TimedOut && !results.Hits.Select(h => h.Slug).SequenceEqual(ranked.Page.Select(r => r.Slug)))
        {
            throw new InvalidOperationException($"'{query}': the search and its parts disagree");
        }

        if (dump is not null)
        {
            dump.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{query}\t{results.Total}\t{string.Join(' ', results.Counts.Select(c => $"{c.Collection}={c.Count}"))}\t{results.TimedOut}"));
            foreach (var hit in results.Hits)
            {
                dump.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {hit.Slug}\t{hit.Score:R}\t{hit.Section}\t{hit.SnippetHtml}"));
            }
        }

        if (results.TimedOut)
        {
            Console.WriteLine($"'{query}': timed out after {searchWall:F0} ms");
        }

        return new(query, ranked.Total, rankCpu, rankWall, rankBytes, pageCpu, pageWall, pageBytes, searchWall, searchPause, searchProcessCpu);
    }

    /// <summary>The whole search by wall time, with the collector's pauses and the process's CPU during it.</summary>
    private static (SearchResults Results, double Wall, double Pause, double ProcessCpu) Search(SqliteMonographStore store, string query, bool cold)
    {
        Collect(cold);
        var pause = GC.GetTotalPauseDuration();
        var process = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.GetTimestamp();
        var results = store.SearchAsync(query, SearchLimits.DefaultLimit, 0).GetAwaiter().GetResult();
        return (results, Stopwatch.GetElapsedTime(wall).TotalMilliseconds, (GC.GetTotalPauseDuration() - pause).TotalMilliseconds,
            (Process.GetCurrentProcess().TotalProcessorTime - process).TotalMilliseconds);
    }

    /// <summary>What BenchmarkDotNet does around each iteration (its default <c>Force</c>): a full collection, finalizers, another.</summary>
    private static void Collect(bool cold)
    {
        if (cold)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
    }

    private static (double Cpu, long Wall, long Bytes) Start() => (ThreadCpuMilliseconds(), Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());

    private static (double Cpu, double Wall, long Bytes) Since(double cpu, long wall, long bytes) =>
        (ThreadCpuMilliseconds() - cpu, Stopwatch.GetElapsedTime(wall).TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - bytes);

    private static void Print(string what, IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-20} p50 {P(.5):F2}  p90 {P(.9):F2}  p99 {P(.99):F2}  max {sorted[^1]:F2} ms  (sum {sorted.Sum():F0})"));
    }

    private static double ThreadCpuMilliseconds()
    {
        const int ThreadCpuClock = 3;
        return ClockGetTime(ThreadCpuClock, out var time) == 0 ? (time.Seconds * 1e3) + (time.Nanoseconds / 1e6) : double.NaN;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private sealed record Row(
        string Query, int Matches, double RankCpu, double RankWall, long RankBytes, double PageCpu, double PageWall, long PageBytes,
        double SearchWall, double SearchPause, double SearchProcessCpu);
}
