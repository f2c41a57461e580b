namespace Formulary.Web.Pages;

/// <summary>
/// Where the rendered site lives: the absolute base URL used for canonical links, sitemap and
/// JSON-LD (<c>https://example.org</c>, no trailing slash), and whether a server answers forms.
/// </summary>
public sealed record SiteContext(string BaseUrl, bool IsStatic)
{
    public const string SiteName = "Formulary";

    /// <summary>Where the search form submits: a folder on a static host, the endpoint on the server.</summary>
    public string SearchPath => IsStatic ? "/search/" : "/search";

    public string Absolute(string path) => BaseUrl + path;

    public static SiteContext FromRequest(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<SiteContextProvider>().Current;
}
