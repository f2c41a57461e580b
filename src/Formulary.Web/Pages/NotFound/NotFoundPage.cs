namespace Formulary.Web.Pages;

/// <summary>The HTML answer to a page address that does not exist (API addresses get a problem instead).</summary>
internal static class NotFoundPage
{
    public static async Task WriteAsync(HttpContext context)
    {
        var renderer = context.RequestServices.GetRequiredService<PageRenderer>();
        var html = await renderer.RenderUtf8Async<NotFound.NotFoundView>(new Dictionary<string, object?>
        {
            ["Head"] = new PageHead("Page not found · Formulary", "No page exists at this address.", "/") { NoIndex = true },
            ["Site"] = SiteContext.FromRequest(context.Request),
            ["Path"] = context.Request.Path.Value ?? "/",
        }).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.Body.WriteAsync(html).ConfigureAwait(false);
    }
}
