using System.Text.RegularExpressions;
using Formulary.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace Formulary.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class HistoryBrowserTests(BrowserFixture browser, GrowingSiteFixture site) : IClassFixture<GrowingSiteFixture>
{
    [Theory]
    [InlineData(Screenshots.DesktopWidth, Screenshots.DesktopHeight, "desktop")]
    [InlineData(Screenshots.PhoneWidth, Screenshots.PhoneHeight, "phone")]
    public async Task History_FromTheMonographToWhatTheLastVersionChanged_ShowsTheAddedLine(int width, int height, string label)
    {
        var (page, errors) = await browser.NewPageAsync(site.BaseAddress, width, height);

        await page.GotoAsync("/composition/clofarabine/");
        await page.GetByRole(AriaRole.Link, new() { Name = "history", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/composition/clofarabine/history/$"));
        await Assertions.Expect(page.Locator("table.versions tbody tr")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"history-{label}"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "changes from version 1" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/composition/clofarabine/history/2/$"));
        var added = page.Locator("table.diff tr.added td.text").First;
        await Assertions.Expect(added).ToHaveTextAsync(GrowingSiteFixture.AddedLine);
        await Assertions.Expect(added).ToBeVisibleAsync();
        // The diff fits the viewport: a long source line wraps instead of widening the page.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        Assert.Empty(errors);
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"history-diff-{label}"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
