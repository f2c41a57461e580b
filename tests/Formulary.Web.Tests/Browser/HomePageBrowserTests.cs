using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class HomePageBrowserTests(BrowserFixture browser, SiteFixture site)
{
    [Fact]
    public async Task HomePage_InChromium_RendersStyledWithoutPolicyViolations()
    {
        var (page, errors) = await browser.NewPageAsync(site.BaseAddress, Screenshots.PhoneWidth, Screenshots.PhoneHeight);

        await page.GotoAsync("/");

        Assert.Equal("Find a medicine", await page.Locator("h1").TextContentAsync());
        // The stylesheet applied: the brand link is bold (700) only through site.css.
        var weight = await page.Locator(".brand").EvaluateAsync<string>("e => getComputedStyle(e).fontWeight");
        Assert.Equal("700", weight);
        Assert.Empty(errors);
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("home-phone"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
