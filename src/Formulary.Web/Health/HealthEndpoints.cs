using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Formulary.Web.Health;

/// <summary>
/// <c>/health/live</c>: the process answers (restart it when this fails). <c>/health/ready</c> (and
/// <c>/health</c>): the store answers, passed its integrity check at start and has published content
/// (send it traffic only when this passes). Plain text: <c>Healthy</c>, or <c>Unhealthy: why</c> with 503.
/// </summary>
internal static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddFormularyHealth(this IServiceCollection services)
    {
        services.AddSingleton<StoreReadinessCheck>();
        services.AddHealthChecks().AddCheck<StoreReadinessCheck>("store", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapFormularyHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync };
        app.MapHealthChecks("/health/ready", ready);
        app.MapHealthChecks("/health", ready);
        return app;
    }

    /// <summary>A site built over an open store is ready to be checked once started; <c>serve</c> (a deferred store) says so itself after publishing.</summary>
    public static void StartReadinessCheck(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (app.Services.GetRequiredService<Storage.IMonographStore>() is not Hosting.DeferredStore)
            {
                app.Services.GetRequiredService<StoreReadinessCheck>().Start();
            }
        });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var problem = report.Entries.Values.Select(e => e.Description).FirstOrDefault(d => d is not null);
        return context.Response.WriteAsync(report.Status == HealthStatus.Healthy ? "Healthy" : $"{report.Status}: {problem}");
    }
}
