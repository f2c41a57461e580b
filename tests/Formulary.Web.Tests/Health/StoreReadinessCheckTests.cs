using System.Reflection;
using Formulary.Storage;
using Formulary.Storage.Health;
using Formulary.Web.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Formulary.Web.Tests.Health;

/// <summary>
/// Issue 7.7 (a node ready within 3 s of starting on a 100,000-document store) against issue 12.6 (a corrupt
/// store is not ready): readiness never waits for the whole-file integrity check, and still turns and
/// stays not ready once that check finds a fault.
/// </summary>
public sealed class StoreReadinessCheckTests
{
    [Fact]
    public async Task BeforeTheStoreIsServed_NotReady_Starting()
    {
        var store = HeldStore.Create();
        var check = new StoreReadinessCheck(store, NullLogger<StoreReadinessCheck>.Instance);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("starting", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntegrityCheckStillRunning_ReadyFromTheCheapQuery()
    {
        var store = HeldStore.Create();
        var check = new StoreReadinessCheck(store, NullLogger<StoreReadinessCheck>.Instance);
        check.Start();

        var result = await check.CheckHealthAsync(new HealthCheckContext()).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.False(((HeldStore)(object)store).Integrity.Task.IsCompleted);
    }

    [Fact]
    public async Task IntegrityCheckThatRunsSynchronously_StartStillReturnsAndProbesAnswer()
    {
        // SQLite's "asynchronous" calls complete synchronously: the scan must not run on the caller of Start.
        var store = HeldStore.Create();
        var held = (HeldStore)(object)store;
        held.Synchronous = true;
        var check = new StoreReadinessCheck(store, NullLogger<StoreReadinessCheck>.Instance);
        try
        {
            await Task.Run(check.Start).WaitAsync(TimeSpan.FromSeconds(30));
            var result = await check.CheckHealthAsync(new HealthCheckContext()).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(HealthStatus.Healthy, result.Status);
        }
        finally
        {
            held.Gate.Set();
        }
    }

    [Fact]
    public async Task IntegrityCheckFindsAFault_NotReadyFromThenOn_WithItsReason()
    {
        var store = HeldStore.Create();
        var held = (HeldStore)(object)store;
        var check = new StoreReadinessCheck(store, NullLogger<StoreReadinessCheck>.Instance);
        check.Start();
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        held.Integrity.SetResult(StoreHealth.Failed("the store failed its integrity check: page 7 is never used", lasting: true, detail: "the store at x.db"));
        // The check's end reaches readiness through the thread pool: ask until it shows (at most 30 s).
        var first = await check.CheckHealthAsync(new HealthCheckContext());
        for (var waited = 0; first.Status == HealthStatus.Healthy && waited < 3_000; waited++)
        {
            await Task.Delay(10);
            first = await check.CheckHealthAsync(new HealthCheckContext());
        }

        var later = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, first.Status);
        Assert.Equal("the store failed its integrity check: page 7 is never used", first.Description);
        Assert.Equal(HealthStatus.Unhealthy, later.Status);
        Assert.Equal(1, held.IntegrityChecks);
    }

    /// <summary>A store whose cheap check answers ready and whose integrity check ends when the test says.</summary>
    public class HeldStore : DispatchProxy
    {
        public TaskCompletionSource<StoreHealth> Integrity { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int IntegrityChecks { get; private set; }

        /// <summary>The integrity check blocks its caller until <see cref="Gate"/> is set, as a SQLite scan does.</summary>
        public bool Synchronous { get; set; }

        public ManualResetEventSlim Gate { get; } = new();

        public static IMonographStore Create() => Create<IMonographStore, HeldStore>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name != nameof(IMonographStore.CheckHealthAsync))
            {
                throw new NotSupportedException(targetMethod?.Name);
            }

            if (args is [true, ..])
            {
                IntegrityChecks++;
                if (Synchronous)
                {
                    Gate.Wait();
                    return Task.FromResult(StoreHealth.Healthy);
                }

                return Integrity.Task;
            }

            return Task.FromResult(StoreHealth.Healthy);
        }
    }
}
