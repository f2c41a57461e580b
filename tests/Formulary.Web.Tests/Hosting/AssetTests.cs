using System.Net;
using System.Text.RegularExpressions;

namespace Formulary.Web.Tests.Hosting;

public sealed partial class AssetTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Stylesheet_LinkedFromHomePage_IsServedImmutable()
    {
        var home = await site.Client.GetStringAsync(new Uri("/", UriKind.Relative));
        var href = StylesheetLink().Match(home).Groups["href"].Value;

        using var response = await site.Client.GetAsync(new Uri(href, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("prefers-color-scheme: dark", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(?<href>/assets/site\\.[0-9a-f]{12}\\.css)\"")]
    private static partial Regex StylesheetLink();
}
