using Formulary.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace Formulary.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class MonographBrowserTests(BrowserFixture browser, SiteFixture site)
{
    [Theory]
    [InlineData(Screenshots.DesktopWidth, Screenshots.DesktopHeight, "desktop")]
    [InlineData(Screenshots.PhoneWidth, Screenshots.PhoneHeight, "phone")]
    public async Task SearchClolar_OpenResult_ShowsMonographWithFaqAndNoBannedNotice(int width, int height, string label)
    {
        var (page, errors) = await browser.NewPageAsync(site.BaseAddress, width, height);

        await page.GotoAsync("/");
        await page.FillAsync("#home-search", "Clolar");
        await page.PressAsync("#home-search", "Enter");
        await page.ExpectUrlAsync(@"/search\?q=Clolar$");
        await page.Locator("ol.results li a").First.ClickAsync();
        await page.ExpectUrlAsync("/composition/clofarabine/$");

        Assert.Equal("Clofarabine", await page.Locator("h1").TextContentAsync());
        Assert.Equal(0, await page.Locator("#banned-notice").CountAsync());
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"monograph-{label}") });
        await page.Locator("#faqs > summary").ClickAsync();
        Assert.True(await page.Locator("#faq-1").IsVisibleAsync());
        Assert.True(await page.Locator("#usage").GetAttributeAsync("open") is not null);
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HostileMonograph_InChromium_RunsNothingAndLoadsNothing()
    {
        var (page, _) = await browser.NewPageAsync(site.BaseAddress, Screenshots.DesktopWidth, Screenshots.DesktopHeight);
        var offSite = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(site.BaseAddress.ToString(), StringComparison.Ordinal))
            {
                offSite.Add(request.Url);
            }
        };

        await page.GotoAsync("/composition/hostile-fixture/");
        await page.Locator("text=click me").ClickAsync();

        Assert.StartsWith("Hostile Fixture", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Empty(offSite);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ApiReference_InChromium_RendersFromLocalAssetsOnly()
    {
        var (page, errors) = await browser.NewPageAsync(site.BaseAddress, Screenshots.DesktopWidth, Screenshots.DesktopHeight);
        var offSite = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(site.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                offSite.Add(request.Url);
            }
        };

        await page.GotoAsync("/api/reference");
        await page.GetByText("/api/search").First.WaitForAsync(new() { Timeout = 45000 });

        Assert.Empty(offSite);
        Assert.Empty(errors);
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("api-reference-desktop") });
        await page.Context.CloseAsync();
    }
}
