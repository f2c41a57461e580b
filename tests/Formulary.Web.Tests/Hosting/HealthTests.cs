using System.Net;
using Formulary.Storage;
using Formulary.Storage.Sqlite;

namespace Formulary.Web.Tests.Hosting;

/// <summary>Issue 12.6: liveness says the process answers; readiness says the store can be served from.</summary>
public sealed class HealthTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task ServedSite_EveryProbe_Healthy(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void ServedSite_KeepsAtLeastSixteenWorkersReady()
    {
        // A served site exists (the fixture); SQLite searches hold a worker each, and probes must not wait for the
        // pool to grow (issue 12.5: /health p99 274-487 ms under the six-client attack with the default minimum).
        _ = site.Client;
        ThreadPool.GetMinThreads(out var workers, out _);

        Assert.True(workers >= 16, $"minimum worker threads {workers}");
        Assert.True(workers >= 4 * Environment.ProcessorCount, $"minimum worker threads {workers} for {Environment.ProcessorCount} cores");
    }

    [Fact]
    public async Task EmptyStore_ReadinessFailsWithReasonLivenessPasses()
    {
        var folder = Directory.CreateTempSubdirectory("formulary-health-").FullName;
        var store = SqliteMonographStore.Open(Path.Combine(folder, "empty.db"), TimeProvider.System);
        await using var app = FormularyWebApp.Create(
            new FormularyWebOptions { Urls = "http://127.0.0.1:0", ConsoleLogs = ConsoleLogFormat.None, MinimumLogLevel = LogLevel.Error },
            services => services.AddSingleton<IMonographStore>(store));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var legacy = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, legacy.StatusCode);
        // A probe's answer is public: the reason, never where the store is (the log has that).
        Assert.Equal("Unhealthy: the store holds no published document", await ready.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy: the store holds no published document", await legacy.Content.ReadAsStringAsync());
        var health = await store.CheckHealthAsync(integrity: false);
        Assert.Equal($"the store at {Path.Combine(folder, "empty.db")}", health.Detail);
        await app.StopAsync();
    }
}
