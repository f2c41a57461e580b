using System.Threading.Channels;
using Formulary.Storage.Feedback;

namespace Formulary.Web.CdsHooks.Feedback;

/// <summary>
/// Records the cards each call issued in the store, off the request path: a call queues its cards and
/// answers; one writer drains the queue in batches (one transaction each, at most every 250 ms), so a busy order-sign does not
/// wait on a database write. Feedback is joined to the record only when it is summarized, so a card
/// recorded a moment after its feedback arrives is still counted. The queue is bounded
/// (<see cref="Capacity"/>): past it, under a load the store cannot keep up with, cards go unrecorded and
/// are counted (<see cref="Dropped"/>, shown on the summary page) — the answers to the EHR are never delayed
/// for statistics. <see cref="FlushAsync"/> writes what is queued now (the summary page calls it first).
/// </summary>
internal sealed partial class IssuedCardLog : BackgroundService
{
    public const int Capacity = 50_000;
    private const int BatchSize = 1_000;
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(250);

    private readonly Channel<IssuedCard> queue;
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly ICardFeedbackStore store;
    private readonly TimeProvider time;
    private readonly ILogger<IssuedCardLog> logger;
    private long dropped;

    public IssuedCardLog(ICardFeedbackStore store, TimeProvider time, ILogger<IssuedCardLog> logger)
    {
        this.store = store;
        this.time = time;
        this.logger = logger;
        queue = Channel.CreateBounded<IssuedCard>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ => Interlocked.Increment(ref dropped));
    }

    /// <summary>Cards that could not be recorded since the process started (queue full, or the store refused a batch).</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    public void Add(string service, IEnumerable<Card> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var now = time.GetUtcNow();
        foreach (var card in cards)
        {
            queue.Writer.TryWrite(new IssuedCard(Guid.Parse(card.Uuid), service, card.Kind, card.Indicator, card.Slug, now));
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = new List<IssuedCard>(BatchSize);
            while (true)
            {
                batch.Clear();
                while (batch.Count < BatchSize && queue.Reader.TryRead(out var card))
                {
                    batch.Add(card);
                }

                if (batch.Count == 0)
                {
                    return;
                }

                try
                {
                    await store.RecordCardsAsync(batch, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Interlocked.Add(ref dropped, batch.Count);
                    LogUnrecorded(logger, batch.Count, e.Message);
                }
            }
        }
        finally
        {
            writing.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        writing.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                // Let a busy moment's cards gather: one transaction for many calls, not one per call.
                await Task.Delay(BatchWindow, time, stoppingToken).ConfigureAwait(false);
                await FlushAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} issued CDS Hooks cards were not recorded (their feedback will count as unknown): {Reason}")]
    private static partial void LogUnrecorded(ILogger logger, int count, string reason);
}
