using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DoseBrowserTests(BrowserFixture browser, SiteFixture site)
{
    [Theory]
    [InlineData(Screenshots.DesktopWidth, Screenshots.DesktopHeight, "desktop")]
    [InlineData(Screenshots.PhoneWidth, Screenshots.PhoneHeight, "phone")]
    public async Task DoseForm_TenYearOld_ShowsDoseAndTrace(int width, int height, string label)
    {
        var (page, errors) = await browser.NewPageAsync(site.BaseAddress, width, height);

        await page.GotoAsync("/composition/clofarabine/");
        await page.FillAsync("#ageYears", "10");
        await page.SelectOptionAsync("#sex", "male");
        await page.FillAsync("#weightKg", "32");
        await page.FillAsync("#heightCm", "138");
        await page.FillAsync("#scrMgDl", "0.5");
        await page.FillAsync("#startDate", "2026-03-02");
        await page.SelectOptionAsync("#hepatic", "none");
        await page.SelectOptionAsync("#pregnant", "no");
        await page.SelectOptionAsync("#breastfeeding", "no");
        await page.SelectOptionAsync("#hypersensitivity", "no");
        await page.ClickAsync("form.dose-form button[type=submit]");
        await page.Locator("#dose-figure").WaitForAsync();

        Assert.Equal("57.7 mg per day × 5 days", await page.Locator("#dose-figure").TextContentAsync());
        Assert.True(await page.Locator("#dose-trace li").CountAsync() > 0);
        Assert.True(await page.Locator("#dose-trace").IsVisibleAsync());
        Assert.Empty(errors);
        await page.Locator("#dose-answer").ScreenshotAsync(new() { Path = Screenshots.PathFor($"dose-answer-{label}") });
        await page.Context.CloseAsync();
    }
}
