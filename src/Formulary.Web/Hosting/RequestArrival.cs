namespace Formulary.Web.Hosting;

/// <summary>
/// When each request reached the application, as a timestamp of the site's <see cref="TimeProvider"/>
/// (the store's too): a search's time budget counts from it, so time spent waiting before the store
/// starts is part of the budget (ADR 0005 decision 10). Set right after the cached-page shortcut (what comes
/// before it takes microseconds), so a cached page pays nothing for it.
/// </summary>
internal static class RequestArrival
{
    public static void UseRequestArrival(this WebApplication app)
    {
        var time = app.Services.GetRequiredService<TimeProvider>();
        app.Use((context, next) =>
        {
            context.Features.Set(new Arrived(time.GetTimestamp()));
            return next(context);
        });
    }

    /// <summary>The arrival timestamp, or null outside a request that passed the middleware.</summary>
    public static long? Of(HttpContext context) => context.Features.Get<Arrived>()?.Timestamp;

    private sealed record Arrived(long Timestamp);
}
