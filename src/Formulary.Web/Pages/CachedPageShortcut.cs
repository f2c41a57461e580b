using Formulary.Web.Hosting;

namespace Formulary.Web.Pages;

/// <summary>
/// Serves a page already rendered for the current store generation straight from <see cref="SiteCache"/>,
/// ahead of compression, problem mapping, routing and the endpoint: a cached page needs none of them (its
/// encodings and ETags are made, its path is a known key), and they cost more than writing its bytes.
/// Only a query-less GET or HEAD whose path is a rendered page's key is answered here, with the same
/// headers the ordinary path gives (security headers, coding, ETag, Vary, caching); anything else, and
/// every miss, goes on to the ordinary path, which renders and caches. Measured in BENCHMARKS.md.
/// </summary>
internal static class CachedPageShortcut
{
    public static WebApplication UseCachedPageShortcut(this WebApplication app)
    {
        var cache = app.Services.GetRequiredService<SiteCache>();
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (request.QueryString.HasValue
                || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || request.Path.Value is not { } path
                || cache.TryGetRendered(path) is not { } page)
            {
                return next(context);
            }

            SecurityHeaders.Apply(context.Response);
            return page.Body.WriteAsync(context, CachedPage.CacheControl);
        });
        return app;
    }
}
