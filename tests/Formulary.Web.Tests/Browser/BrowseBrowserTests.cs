using System.Text.RegularExpressions;
using Formulary.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace Formulary.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class BrowseBrowserTests(BrowserFixture browser, GrowingSiteFixture site) : IClassFixture<GrowingSiteFixture>
{
    [Theory]
    [InlineData(Screenshots.DesktopWidth, Screenshots.DesktopHeight, "desktop")]
    [InlineData(Screenshots.PhoneWidth, Screenshots.PhoneHeight, "phone")]
    public async Task AzBar_FromHomeToALetterAndItsNextPage_ListsThatLetterInOrder(int width, int height, string label)
    {
        var (page, errors) = await browser.NewPageAsync(site.BaseAddress, width, height);

        await page.GotoAsync("/");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"home-az-{label}"), FullPage = true });
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Compositions A to Z" }).GetByRole(AriaRole.Link, new() { NameRegex = ZetaLetter() }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/browse/compositions/z/$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Compositions: Z");
        await Assertions.Expect(page.Locator(".browse-list li").First).ToHaveTextAsync("Zeta 001");
        await Assertions.Expect(page.Locator(".az a[aria-current=page]")).ToHaveTextAsync("Z");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"browse-letter-{label}") });

        await page.GetByRole(AriaRole.Link, new() { Name = "Next →" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/browse/compositions/z/\?page=2$"));
        await Assertions.Expect(page.Locator(".browse-list li").First).ToHaveTextAsync("Zeta 101");
        await Assertions.Expect(page.Locator(".browse-list")).ToHaveAttributeAsync("start", "101");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("^Z: ")]
    private static partial Regex ZetaLetter();
}
