namespace Formulary.Web.Assets;

internal static class AssetEndpoints
{
    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder app)
    {
        foreach (var asset in SiteAssets.Shared.All)
        {
            app.MapGet(asset.Url, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                return Results.Bytes(asset.Content, asset.ContentType);
            }).ExcludeFromDescription();
        }

        return app;
    }
}
