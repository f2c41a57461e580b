using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Text.Json.Serialization;
using Formulary.Clinical.Dosing;
using Formulary.Web.Api;
using Formulary.Web.Api.Browse;
using Formulary.Web.Api.Dose;
using Formulary.Web.Api.Monographs;
using Formulary.Web.Api.Search;
using Formulary.Web.Assets;
using Formulary.Web.CdsHooks;
using Formulary.Web.CdsHooks.Security;
using Formulary.Web.Dosing;
using Formulary.Web.Fhir;
using Formulary.Web.Health;
using Formulary.Web.Hosting;
using Formulary.Web.Hosting.Compression;
using Formulary.Web.Pages;
using Formulary.Web.Problems;

namespace Formulary.Web;

/// <summary>
/// The composition root of the site: the one place that wires services, middleware and endpoint
/// modules. <c>formulary serve</c>, the web project's own entry point and the tests all start the
/// site through <see cref="Create"/>, so what the tests exercise is what runs.
/// </summary>
public static class FormularyWebApp
{
    /// <summary>The fewest thread-pool workers the site keeps ready (<see cref="ReserveWorkerThreads"/>).</summary>
    public static int MinWorkerThreads => Math.Max(16, 4 * Environment.ProcessorCount);

    /// <summary>Largest request body accepted; larger bodies get a 413 problem.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// Builds the site. <paramref name="configureServices"/> must register the
    /// <see cref="Storage.IMonographStore"/> to serve from; it may also replace the <see cref="TimeProvider"/>.
    /// </summary>
    public static WebApplication Create(FormularyWebOptions options, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ReserveWorkerThreads();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FormularyWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            // A client that stalls its headers or body is cut off (408) rather than holding a connection.
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
        });
        builder.ConfigureTransport(options);
        ConfigureLogging(builder.Logging, options);

        builder.Services.AddSingleton(options);
        builder.Services.AddFormularyCompression();
        builder.Services.AddFormularyProblems();
        builder.Services.AddFormularyHealth();
        builder.Services.AddFormularyPages();
        builder.Services.AddApiDocumentation();
        builder.Services.AddFormularyFhir();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            // Real types on the wire and in the OpenAPI document: numbers are numbers, enumerations are names.
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        });
        configureServices?.Invoke(builder.Services);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new DoseEngine(services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<StoreGeneration>();
        builder.Services.AddSingleton<DoseService>();
        builder.Services.AddCdsHooks();
        builder.Services.AddCdsSecurity(options, builder.Configuration);

        var app = builder.Build();
        app.LogCollectorBudget();
        app.UseTransport(options);
        app.UseCachedPageShortcut();
        // After the shortcut: a cached page never searches, and the page path's throughput is measured (issue 9.9).
        app.UseRequestArrival();
        // Outside the problem mapping, so problems and the 404 page are compressed too.
        app.UseResponseCompression();
        app.UseSecurityHeaders();
        app.UseApiReferencePolicy();
        app.UseFormularyProblems();
        app.UsePathGuard();
        app.UseHeadAsGet();
        // Routing after the exception handler, so routing failures are mapped to problems too.
        app.UseRouting();
        // Between routing and the endpoints, as CORS must be; only the CDS Hooks routes carry a policy.
        app.UseCors();
        app.UseStrictQuery();
        app.MapFormularyHealth();
        app.StartReadinessCheck();
        app.MapAssets();
        app.MapPages();
        app.MapMonographApi();
        app.MapSearchApi();
        app.MapBrowseApi();
        app.MapDoseApi();
        app.MapCdsHooks().RequireCdsJwt();
        app.MapFhir();
        app.MapApiDocumentation();
        return app;
    }

    private static void ConfigureLogging(ILoggingBuilder logging, FormularyWebOptions options)
    {
        logging.ClearProviders();
        // The built-in formatters; the console logger writes to standard output, whose redirection chose the format.
        switch (options.ConsoleLogs)
        {
            case ConsoleLogFormat.Json:
                logging.AddJsonConsole(json =>
                {
                    json.IncludeScopes = true;
                    json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                    json.UseUtcTimestamp = true;
                });
                break;
            case ConsoleLogFormat.Readable:
                logging.AddSimpleConsole(simple =>
                {
                    simple.SingleLine = true;
                    simple.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
                    simple.UseUtcTimestamp = true;
                });
                break;
        }

        logging.SetMinimumLevel(options.MinimumLogLevel);
        // Per-request framework logs would cost more than serving a cached page; keep them to warnings.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Enabled at any level, the hosting category makes every request start an Activity and a log scope
        // (measured: BENCHMARKS.md, issue 9). It logs only request start and finish, which are off anyway;
        // the site's own request logs name the method and path.
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        // A start-up failure (port in use, bad certificate) is reported once, as one line, by the caller.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        // An unhealthy probe is logged once per change of reason by StoreReadinessCheck, not at Error on every probe.
        logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None);
    }

    /// <summary>
    /// SQLite's "async" calls complete synchronously, so a search holds its thread-pool worker while it runs.
    /// With the default minimum (one worker per core) a few costly searches took every worker and each further
    /// request, <c>/health</c> included, waited for the pool to add one (about two a second): under six clients
    /// of the search attack at 100,000 documents on 2 cores, <c>/health</c> p99 was 274–487 ms; with 16 workers
    /// ready, 18 ms (BENCHMARKS.md, issue 12.5). Only ever raises the minimum.
    /// </summary>
    private static void ReserveWorkerThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < MinWorkerThreads)
        {
            ThreadPool.SetMinThreads(MinWorkerThreads, completionPorts);
        }
    }
}
