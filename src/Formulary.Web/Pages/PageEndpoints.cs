using Formulary.Web.Assets;

namespace Formulary.Web.Pages;

internal static class PageEndpoints
{
    public static IServiceCollection AddFormularyPages(this IServiceCollection services)
    {
        services.AddSingleton<PageRenderer>();
        return services;
    }

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (HttpContext context, PageRenderer renderer) =>
        {
            var html = await renderer.RenderUtf8Async<Home.HomePage>(new Dictionary<string, object?>
            {
                ["Head"] = new PageHead("Formulary · medicine reference", "Search drug monographs by generic or brand name; doses with every step shown.", "/"),
                ["Site"] = SiteContext.FromRequest(context.Request),
            }).ConfigureAwait(false);
            return Results.Bytes(html, "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
