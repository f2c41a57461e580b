using Formulary.Storage;

namespace Formulary.Web.Hosting;

/// <summary>
/// The store generation this process serves from. Every cache (pages, searches, summaries, drug
/// profiles) is keyed by it. It is read again from the store at most every <see cref="CheckInterval"/>
/// on use (one indexed single-row query), so an import by any process or node shows within that time,
/// without a restart; an import in this process is seen at once (<see cref="Observe"/>).
/// </summary>
internal sealed class StoreGeneration(IMonographStore store, TimeProvider time)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(500);

    private readonly SemaphoreSlim gate = new(1, 1);
    private long current = -1;
    private long checkedAt = long.MinValue;

    public async ValueTask<long> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetTimestamp();
        if (Volatile.Read(ref current) >= 0 && time.GetElapsedTime(Volatile.Read(ref checkedAt), now) < CheckInterval)
        {
            return Volatile.Read(ref current);
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref current) < 0 || time.GetElapsedTime(Volatile.Read(ref checkedAt)) >= CheckInterval)
            {
                Observe(await store.GetGenerationAsync(cancellationToken).ConfigureAwait(false));
            }

            return Volatile.Read(ref current);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The generation without any I/O, when it was read within <see cref="CheckInterval"/>; false when a check is due.</summary>
    public bool TryGetFresh(out long generation)
    {
        generation = Volatile.Read(ref current);
        return generation >= 0 && time.GetElapsedTime(Volatile.Read(ref checkedAt)) < CheckInterval;
    }

    public void Observe(long generation)
    {
        Volatile.Write(ref current, generation);
        Volatile.Write(ref checkedAt, time.GetTimestamp());
    }
}
