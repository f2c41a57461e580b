using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using System.Text.RegularExpressions;
using Formulary.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace Formulary.Web.Tests.Browser;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright, the engine bundled in the package: nothing is fetched) on every
/// kind of page, at desktop and phone widths and in light and dark: it must find nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture browser, GrowingSiteFixture site) : IClassFixture<GrowingSiteFixture>
{
    public static TheoryData<string, int, int, string> Pages()
    {
        var data = new TheoryData<string, int, int, string>();
        string[] paths =
        [
            "/", "/search?q=clofarabine", "/search?q=klofarabine", "/composition/clofarabine/", "/medicines/clolar/",
            "/composition/combination/folicacid-methotrexate/",
            // The dose form with errors: the age cannot be read and the weight is missing.
            "/composition/clofarabine/dose?ageYears=ten&sex=male&heightCm=138",
            "/browse/", "/browse/compositions/", "/browse/compositions/c/",
            "/composition/clofarabine/history/", "/composition/clofarabine/history/2/",
            "/cds-feedback/",
        ];
        foreach (var path in paths)
        {
            data.Add(path, Screenshots.DesktopWidth, Screenshots.DesktopHeight, "light");
            data.Add(path, Screenshots.PhoneWidth, Screenshots.PhoneHeight, "dark");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_Axe_FindsNoViolation(string path, int width, int height, string scheme)
    {
        var (page, _) = await browser.NewPageAsync(site.BaseAddress, width, height);
        await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? Microsoft.Playwright.ColorScheme.Dark : Microsoft.Playwright.ColorScheme.Light });
        await page.GotoAsync(path);

        var result = await page.RunAxe();

        var found = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Target?.ToString() + " " + n.Html))}").ToList();
        await page.Context.CloseAsync();
        Assert.True(found.Count == 0, string.Join("\n", found));
        // axe ran its rules here (a page it could not analyse would report no violation either).
        Assert.Contains(result.Passes, rule => rule.Id == "color-contrast");
        Assert.Contains(result.Passes, rule => rule.Id == "landmark-unique" || rule.Id == "region");
    }

    /// <summary>The check can fail: the same call on markup with known faults reports them.</summary>
    [Fact]
    public async Task Axe_PageWithKnownFaults_ReportsThem()
    {
        var (page, _) = await browser.NewPageAsync(site.BaseAddress, Screenshots.DesktopWidth, Screenshots.DesktopHeight);
        await page.GotoAsync("/");
        await page.EvaluateAsync("() => { const i = document.createElement('input'); i.type = 'text'; document.querySelector('main').append(i); document.querySelector('.hero').insertAdjacentHTML('beforeend', '<form role=\"search\"></form>'); }");

        var result = await page.RunAxe();

        await page.Context.CloseAsync();
        Assert.Contains(result.Violations, v => v.Id == "label");
        Assert.Contains(result.Violations, v => v.Id == "landmark-unique");
    }

    [Theory]
    [InlineData(Screenshots.DesktopWidth, Screenshots.DesktopHeight, "desktop")]
    [InlineData(Screenshots.PhoneWidth, Screenshots.PhoneHeight, "phone")]
    public async Task SkipLink_FirstTab_IsShownAndLeadsToTheMainContent(int width, int height, string label)
    {
        var (page, _) = await browser.NewPageAsync(site.BaseAddress, width, height);
        await page.GotoAsync("/composition/clofarabine/");

        await page.Keyboard.PressAsync("Tab");

        var skip = page.Locator(".skip-link");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await Assertions.Expect(skip).ToHaveAttributeAsync("href", "#main");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"skip-link-{label}") });
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#main$"));
        await page.Context.CloseAsync();
    }

    /// <summary>WCAG 1.4.11: a text input's border against what is around it, in both colour schemes.</summary>
    [Theory]
    [InlineData("light", "/", "#home-search")]
    [InlineData("dark", "/", "#home-search")]
    [InlineData("light", "/composition/clofarabine/", "#site-search")]
    [InlineData("dark", "/composition/clofarabine/", "#site-search")]
    [InlineData("light", "/composition/clofarabine/", "#weightKg")]
    [InlineData("dark", "/composition/clofarabine/", "#weightKg")]
    public async Task InputBorder_AgainstItsBackground_HasThreeToOneContrast(string scheme, string path, string input)
    {
        var (page, _) = await browser.NewPageAsync(site.BaseAddress, Screenshots.DesktopWidth, Screenshots.DesktopHeight);
        await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await page.GotoAsync(path);

        // The border colour, and the first opaque background behind the input.
        var colours = await page.Locator(input).EvaluateAsync<string[]>(
            """
            e => {
              let back = e.parentElement;
              while (back && getComputedStyle(back).backgroundColor.endsWith(', 0)')) back = back.parentElement;
              return [getComputedStyle(e).borderTopColor, getComputedStyle(back ?? document.body).backgroundColor];
            }
            """);

        var ratio = Contrast(colours[0], colours[1]);
        await page.Context.CloseAsync();
        Assert.True(ratio >= 3.0, $"{input} border {colours[0]} on {colours[1]}: {ratio:0.00}:1");
    }

    [Theory]
    [InlineData(Screenshots.DesktopWidth, Screenshots.DesktopHeight, "desktop")]
    [InlineData(Screenshots.PhoneWidth, Screenshots.PhoneHeight, "phone")]
    public async Task DoseForm_UnreadableAge_TheAgeFieldIsInvalidAndDescribedByItsError(int width, int height, string label)
    {
        var (page, errors) = await browser.NewPageAsync(site.BaseAddress, width, height);
        await page.GotoAsync("/composition/clofarabine/");
        await page.FillAsync("#ageYears", "ten");
        await page.SelectOptionAsync("#sex", "male");
        await page.FillAsync("#weightKg", "32");
        await page.FillAsync("#heightCm", "138");
        await page.SelectOptionAsync("#hepatic", "none");
        await page.SelectOptionAsync("#pregnant", "no");
        await page.SelectOptionAsync("#breastfeeding", "no");
        await page.SelectOptionAsync("#hypersensitivity", "no");

        await page.ClickAsync("form.dose-form button[type=submit]");

        var age = page.Locator("#ageYears");
        await Assertions.Expect(age).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(age).ToHaveAccessibleDescriptionAsync(new Regex("ten"));
        await Assertions.Expect(page.Locator("#weightKg")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#error-age")).ToBeVisibleAsync();
        var result = await page.RunAxe();
        Assert.Empty(result.Violations);
        Assert.Empty(errors);
        await page.Locator("form.dose-form").ScreenshotAsync(new() { Path = Screenshots.PathFor($"dose-errors-{label}") });
        await page.Context.CloseAsync();
    }

    private static double Contrast(string first, string second)
    {
        var (a, b) = (Luminance(first), Luminance(second));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    /// <summary>WCAG relative luminance of a computed "rgb(r, g, b)" colour.</summary>
    private static double Luminance(string rgb)
    {
        var parts = Regex.Matches(rgb, @"\d+(\.\d+)?").Take(3).Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) / 255).ToArray();
        static double Linear(double c) => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        return (0.2126 * Linear(parts[0])) + (0.7152 * Linear(parts[1])) + (0.0722 * Linear(parts[2]));
    }
}
