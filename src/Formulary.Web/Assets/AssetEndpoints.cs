namespace Formulary.Web.Assets;

internal static class AssetEndpoints
{
    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder app)
    {
        foreach (var asset in SiteAssets.Shared.All)
        {
            app.MapGet(asset.Url, (HttpContext context) => asset.Body.WriteAsync(context, "public, max-age=31536000, immutable"))
                .ExcludeFromDescription();
        }

        return app;
    }
}
