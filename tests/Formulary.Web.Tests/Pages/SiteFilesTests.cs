using System.Net;
using System.Xml.Linq;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Pages;

public sealed class SiteFilesTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Sitemap_Requested_ListsEveryPageWithLastModified()
    {
        var xml = XDocument.Parse(await site.Client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));

        var urls = xml.Root!.Elements(Sitemap + "url")
            .ToDictionary(u => u.Element(Sitemap + "loc")!.Value, u => u.Element(Sitemap + "lastmod")?.Value);
        var root = site.BaseAddress.ToString().TrimEnd('/');
        Assert.Equal("2025-09-22T17:21:52Z", urls[root + "/composition/clofarabine/"]);
        Assert.Equal("2025-06-05T10:00:00Z", urls[root + "/medicines/clolar-20mg/"]);
        Assert.Contains(root + "/composition/combination/folicacid-methotrexate/", urls.Keys);
        Assert.Contains(root + "/", urls.Keys);
    }

    [Fact]
    public async Task Robots_Requested_PointsToSitemap()
    {
        var robots = await site.Client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Contains($"Sitemap: {site.BaseAddress.ToString().TrimEnd('/')}/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /api/", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_Requested_DeclaresWebSiteSearchAction()
    {
        var html = await site.Client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("\"@type\":\"WebSite\"", html, StringComparison.Ordinal);
        Assert.Contains("\"@type\":\"SearchAction\"", html, StringComparison.Ordinal);
        Assert.Contains("/search?q={search_term_string}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpoofedHostHeader_Requested_DoesNotChangeCanonicalLinks()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/composition/methotrexate/", UriKind.Relative));
        request.Headers.Host = "evil.example";

        using var response = await site.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
    }
}
