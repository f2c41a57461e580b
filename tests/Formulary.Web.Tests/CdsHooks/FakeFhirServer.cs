using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// A small FHIR server on a free loopback port (real Kestrel) for the fhirServer fetch: it answers each
/// path-and-query it was given with its JSON, anything else with 404, and records what it was asked and with
/// which Authorization header.
/// </summary>
internal sealed class FakeFhirServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeFhirServer(WebApplication app) => this.app = app;

    public ConcurrentQueue<(string PathAndQuery, string? Authorization)> Requests { get; } = new();

    public Uri BaseAddress => new(app.Urls.Single() + "/fhir/");

    public static async Task<FakeFhirServer> StartAsync(IReadOnlyDictionary<string, string> answers, int status = 200)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeFhirServer(app);
        app.Run(async context =>
        {
            var key = context.Request.Path.Value!["/fhir/".Length..] + Uri.UnescapeDataString(context.Request.QueryString.Value ?? string.Empty);
            server.Requests.Enqueue((key, context.Request.Headers.Authorization.ToString()));
            if (status != 200 || !answers.TryGetValue(key, out var json))
            {
                context.Response.StatusCode = status != 200 ? status : 404;
                return;
            }

            context.Response.ContentType = "application/fhir+json";
            await context.Response.WriteAsync(json);
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
