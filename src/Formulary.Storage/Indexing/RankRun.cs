using System.Runtime.ExceptionServices;
using Lucene.Net.Search;

namespace Formulary.Storage.Indexing;

/// <summary>
/// One ranking over the whole index, its ranges (<see cref="RankSplit"/>) taken in turn by the searching thread and by
/// helpers queued to the thread pool. The searching thread never waits for a helper to start: it takes ranges until none
/// is left, then waits only for helpers in the middle of one; a helper that starts after that does nothing. So a busy
/// pool (every core already searching) costs a queued no-op, never a wait, and at most <c>Workers</c> threads rank one
/// search. The first failure (a spent budget, anything else) stops the others taking ranges and is thrown to the caller.
/// </summary>
internal sealed class RankRun
{
    private readonly Func<RankWorker> newWorker;
    private readonly int ranges;
    private readonly int size;
    private readonly int documents;
    private readonly List<RankWorker> workers = [];
    /// <summary>Set by the last helper out. Never disposed: it has no wait handle unless one is asked for, and none is.</summary>
    private readonly ManualResetEventSlim helpersDone = new(false);
    private int next;

    /// <summary>The searching thread and the helpers inside; 0 once the searching thread has finished (no helper enters then).</summary>
    private int inside = 1;
    private ExceptionDispatchInfo? failure;

    private RankRun(int documents, RankSplit split, Func<RankWorker> newWorker)
    {
        this.documents = documents;
        this.newWorker = newWorker;
        ranges = Math.Max(1, Math.Min(split.Workers * split.RangesPerWorker, documents));
        size = Math.Max(1, (documents + ranges - 1) / ranges);
    }

    /// <summary>Ranks every document of <paramref name="searcher"/>'s index; the workers' collectors, to be merged.</summary>
    public static IReadOnlyList<GroupCollector> Rank(IndexSearcher searcher, RankSplit split, Func<RankWorker> newWorker)
    {
        var run = new RankRun(searcher.IndexReader.MaxDoc, split, newWorker);
        for (var helper = 1; helper < split.Workers; helper++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static run => run.Help(), run, preferLocal: false);
        }

        run.Work();
        if (Interlocked.Decrement(ref run.inside) != 0)
        {
            run.helpersDone.Wait();
        }

        run.failure?.Throw();
        return [.. run.workers.Select(w => w.Groups)];
    }

    private void Help()
    {
        // Enter only while the searching thread is still taking ranges.
        var seen = Volatile.Read(ref inside);
        while (seen > 0)
        {
            var before = Interlocked.CompareExchange(ref inside, seen + 1, seen);
            if (before == seen)
            {
                try
                {
                    Work();
                }
                finally
                {
                    if (Interlocked.Decrement(ref inside) == 0)
                    {
                        helpersDone.Set();
                    }
                }

                return;
            }

            seen = before;
        }
    }

    private void Work()
    {
        RankWorker? worker = null;
        try
        {
            int range;
            while ((range = Interlocked.Increment(ref next) - 1) < ranges)
            {
                if (worker is null)
                {
                    worker = newWorker();
                    lock (workers)
                    {
                        workers.Add(worker);
                    }
                }

                var start = range * size;
                worker.Rank(start, Math.Min(documents, start + size));
            }
        }
        catch (Exception exception)
        {
            Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(exception), null);
            Volatile.Write(ref next, ranges);
        }
    }
}
