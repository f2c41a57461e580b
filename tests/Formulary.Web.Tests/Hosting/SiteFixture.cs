using Formulary.Web.Hosting;

namespace Formulary.Web.Tests.Hosting;

/// <summary>
/// The real site on a free loopback port, started exactly as <c>formulary serve</c> starts it: a
/// fresh SQLite file, the bundled content plus test fixtures imported, then Kestrel. Requests go
/// over real HTTP. The clock is fixed so dose answers (default start date) are deterministic.
/// CDS Hooks calls are answered without JWTs here (development mode), so the clinical CDS tests need no
/// signed tokens; the JWT checks are tested on a site that trusts test issuers (<see cref="CdsHooks.CdsSecuredSiteFixture"/>).
/// </summary>
public class SiteFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private WebApplication? app;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string ContentDirectory { get; private set; } = null!;

    public string DatabasePath { get; private set; } = null!;

    public IServiceProvider Services => app!.Services;

    public virtual async Task InitializeAsync()
    {
        ContentDirectory = RepositoryPaths.CreateContentCopy();
        await AddContentAsync(ContentDirectory);
        DatabasePath = Path.Combine(ContentDirectory, "..", Path.GetFileName(ContentDirectory) + ".db");
        app = await ContentSite.StartAsync(
            Options(new FormularyWebOptions
            {
                Urls = "http://127.0.0.1:0",
                ConsoleLogs = ConsoleLogFormat.None,
                MinimumLogLevel = LogLevel.Warning,
                // What a search finds is tested here, not how fast: a loaded machine must not turn it into "timed out".
                SearchBudget = TimeSpan.FromSeconds(30),
                // Searches answered by SQL every time, not by the index once it happens to be built (see the option).
                SearchIndex = false,
            }),
            ContentDirectory,
            DatabasePath,
            new FixedTime(Now));
        BaseAddress = new Uri(app.Urls.Single());
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        // A search has a wall-clock budget (SearchLimits.TimeBudget); the first one also JIT-compiles
        // the search path, which on a loaded test machine can use it all. Warm it here, uncached.
        using var warm = await Client.GetAsync(new Uri("/api/search?q=warmup&correct=false", UriKind.Relative));
    }

    /// <summary>Writes more monographs into the content copy before the site starts; a derived fixture adds them.</summary>
    protected virtual Task AddContentAsync(string contentDirectory) => Task.CompletedTask;

    /// <summary>The options the site starts with; a derived fixture changes them.</summary>
    protected virtual FormularyWebOptions Options(FormularyWebOptions defaults) => defaults with { CdsInsecureDev = true };

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Directory.Delete(ContentDirectory, recursive: true);
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(DatabasePath)!, Path.GetFileName(DatabasePath) + "*"))
        {
            File.Delete(file);
        }
    }
}
