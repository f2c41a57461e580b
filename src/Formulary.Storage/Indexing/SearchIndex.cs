using System.Data.Common;
using Formulary.Storage.Relational;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Formulary.Storage.Indexing;

/// <summary>
/// A node's in-process full-text index, derived from the store, which stays the one source of truth (ADR 0003, "An
/// in-process index per node"). Built in the background from every live document, then brought up to the store's
/// generation every <see cref="CheckInterval"/> by reading only the documents changed since the generation it holds
/// (<see cref="IndexSource"/>). It answers a search only when it holds exactly the generation the store has at that
/// search's start (<see cref="Lease"/>); otherwise the SQL search answers and a catch-up starts. A failure to build,
/// update or search is reported once (<c>failed</c>) and leaves the SQL search answering.
/// </summary>
internal sealed class SearchIndex : IAsyncDisposable
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(500);

    private readonly Func<CancellationToken, ValueTask<DbConnection>> open;
    private readonly TimeProvider time;
    private readonly Action<Exception> failed;
    private readonly Action<int, TimeSpan>? built;
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim updating = new(1, 1);
    private readonly RAMDirectory directory = new();
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private ITimer? timer;
    private Task running = Task.CompletedTask;
    private long generation = -1;
    private int failing;

    /// <param name="built">Told, once, the documents and the time of the first build (serve logs "search index ready").</param>
    public SearchIndex(Func<CancellationToken, ValueTask<DbConnection>> open, TimeProvider time, Action<Exception> failed, Action<int, TimeSpan>? built = null)
    {
        this.open = open;
        this.time = time;
        this.failed = failed;
        this.built = built;
        writer = new IndexWriter(directory, new IndexWriterConfig(FoldingAnalyzer.Version, new FoldingAnalyzer())
        {
            OpenMode = OpenMode.CREATE,
            Similarity = Bm25.Instance,
        });
        searchers = new SearcherManager(writer, applyAllDeletes: true, new Bm25());
    }

    /// <summary>The store generation the index holds; -1 until the first build ends.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>
    /// Tests: bring the index up to the store before each search, and fail the search when it cannot answer, so a
    /// test of the indexed search is answered by the index, never silently by SQL.
    /// </summary>
    internal bool CatchUpBeforeSearch { get; init; }

    /// <summary>Searches run after the first build, before the index answers (<see cref="IndexWarmUp"/>); 0: none.</summary>
    internal int WarmUpSearches { get; init; } = IndexWarmUp.Searches;

    /// <summary>How many searches the first build's warm-up ran (tests).</summary>
    internal int WarmedUp { get; private set; }

    /// <summary>How a large ranking is shared between cores (<see cref="RankRun"/>); tests split every ranking finely.</summary>
    internal RankSplit Split { get; set; } = RankSplit.ForThisMachine;

    /// <summary>Starts the first build, then a check every <see cref="CheckInterval"/>.</summary>
    public void Start()
    {
        Poke();
        timer = time.CreateTimer(_ => Poke(), null, CheckInterval, CheckInterval);
    }

    /// <summary>A searcher over the index when it holds <paramref name="storeGeneration"/>; null (and a catch-up started) otherwise.</summary>
    public IndexLease? Lease(long storeGeneration)
    {
        if (Generation != storeGeneration)
        {
            Poke();
            return null;
        }

        try
        {
            return new IndexLease(this, searchers.Acquire());
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Report(exception);
            return null;
        }
    }

    internal void Release(IndexSearcher searcher) => searchers.Release(searcher);

    /// <summary>Reports a failure once until the index works again; the caller answers from SQL.</summary>
    internal void Report(Exception exception)
    {
        if (Interlocked.Exchange(ref failing, 1) == 0)
        {
            failed(exception);
        }
    }

    /// <summary>Brings the index up to the store's generation now (waiting for a catch-up already running).</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await updating.WaitAsync(cancellationToken);
        try
        {
            await CatchUpOnceAsync(cancellationToken);
        }
        finally
        {
            updating.Release();
        }
    }

    /// <summary>Starts a catch-up in the background unless one is running.</summary>
    private void Poke()
    {
        if (stopping.IsCancellationRequested || !updating.Wait(0))
        {
            return;
        }

        running = Task.Run(async () =>
        {
            try
            {
                await CatchUpOnceAsync(stopping.Token);
            }
            finally
            {
                updating.Release();
            }
        });
    }

    private async Task CatchUpOnceAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            await using var connection = await open(cancellationToken);
            // The generation first: every change up to it is committed, so reading the changes after it misses none
            // (a later import's changes may come too; applying them again on the next catch-up changes nothing).
            var current = await StoreReads.GenerationAsync(connection, cancellationToken);
            var held = Generation;
            if (current != held)
            {
                await foreach (var document in IndexSource.ReadChangedAsync(connection, held, cancellationToken))
                {
                    if (document.Live)
                    {
                        writer.UpdateDocument(IndexedDocument.DocTerm(document.Id), document.ToLucene());
                    }
                    else
                    {
                        writer.DeleteDocuments(IndexedDocument.DocTerm(document.Id));
                    }
                }

                if (held < 0)
                {
                    writer.ForceMerge(1);
                }

                writer.Commit();
                searchers.MaybeRefreshBlocking();
                if (held < 0)
                {
                    await WarmUpAsync(connection, cancellationToken);
                    built?.Invoke(writer.NumDocs, time.GetElapsedTime(started));
                }

                Interlocked.Exchange(ref generation, current);
            }

            Interlocked.Exchange(ref failing, 0);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Report(exception);
        }
    }

    /// <summary>The first build's warm-up (<see cref="IndexWarmUp"/>); a failure is reported, and the index answers all the same.</summary>
    private async Task WarmUpAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (WarmUpSearches <= 0)
        {
            return;
        }

        try
        {
            using var lease = new IndexLease(this, searchers.Acquire());
            WarmedUp = await IndexWarmUp.RunAsync(lease, connection, WarmUpSearches, time, cancellationToken);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException and not OperationCanceledException)
        {
            Report(exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (timer is not null)
        {
            await timer.DisposeAsync();
        }

        await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await updating.WaitAsync();
        // The index is thrown away: a part that already failed (and was reported) must not stop the store's disposal.
        foreach (IDisposable part in new IDisposable[] { searchers, writer, directory, stopping })
        {
            try
            {
                part.Dispose();
            }
            catch (Exception exception) when (exception is ObjectDisposedException or InvalidOperationException or IOException)
            {
            }
        }
    }

    /// <summary>
    /// BM25 with FTS5's constants (k1 1.2, b 0.75), for the writer's norms and every searcher; each new searcher's segments
    /// have their <see cref="SegmentValues"/> loaded before it answers a search (only a new segment's are read).
    /// </summary>
    private sealed class Bm25 : SearcherFactory
    {
        public static readonly BM25Similarity Instance = new(1.2f, 0.75f);

        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            ArgumentNullException.ThrowIfNull(reader);
            foreach (var leaf in reader.Leaves)
            {
                SegmentValues.Of(leaf.AtomicReader);
            }

            return new(reader) { Similarity = Instance };
        }
    }
}
