using Formulary.Storage;
using Formulary.Storage.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Formulary.Web.Health;

/// <summary>
/// Readiness: a cheap query per probe, and the store's integrity check once in the background (started
/// as soon as the store is open; a store it finds corrupt stays not ready until a restart). A store that
/// is still opening, does not answer, is corrupt or holds no published document is not ready, and says why.
/// </summary>
/// <remarks>
/// Probes do not wait for the integrity check: SQLite's <c>quick_check</c> reads the whole file, which for
/// a 100,000-document store on a cold disk takes minutes, and a node must be ready within seconds of
/// starting. A file damaged enough to matter usually fails the cheap query too; the rest is caught when
/// the check ends.
/// </remarks>
internal sealed partial class StoreReadinessCheck(IMonographStore store, ILogger<StoreReadinessCheck> logger) : IHealthCheck
{
    private Task<StoreHealth>? integrity;
    private string? lastProblem;

    /// <summary>
    /// The site is serving from its store: starts the integrity check in the background. Until then the
    /// site is starting (binding, opening the store, publishing its content).
    /// </summary>
    public void Start() => _ = Integrity();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (health.Problem != lastProblem)
        {
            lastProblem = health.Problem;
            if (health.Problem is not null)
            {
                LogNotReady(logger, health.Problem, health.Detail ?? "-");
            }
        }

        return health.Ready ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(health.Problem);
    }

    private async Task<StoreHealth> CurrentAsync(CancellationToken cancellationToken)
    {
        if (integrity is null)
        {
            return StoreHealth.Failed("the site is starting: opening the store and publishing its content");
        }

        if (integrity is { IsCompletedSuccessfully: true, Result: { Lasting: true } fault })
        {
            return fault;
        }

        return await store.CheckHealthAsync(integrity: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// On the thread pool: SQLite's "asynchronous" calls complete synchronously, so calling the check directly
    /// ran the whole file scan inside <see cref="Start"/> and held the site at "starting" until it ended.
    /// </summary>
    private Task<StoreHealth> Integrity() =>
        LazyInitializer.EnsureInitialized(ref integrity, () => Task.Run(() => store.CheckHealthAsync(integrity: true)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready: {Problem} ({Detail})")]
    private static partial void LogNotReady(ILogger logger, string problem, string detail);
}
