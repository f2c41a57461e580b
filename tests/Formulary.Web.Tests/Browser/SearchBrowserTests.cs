using Formulary.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace Formulary.Web.Tests.Browser;

/// <summary>Search as a reader uses it, in Chromium at desktop and phone widths.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchBrowserTests(BrowserFixture browser, SiteFixture site)
{
    [Theory]
    [InlineData(Screenshots.DesktopWidth, Screenshots.DesktopHeight, "desktop")]
    [InlineData(Screenshots.PhoneWidth, Screenshots.PhoneHeight, "phone")]
    public async Task Typeahead_KeyboardOnly_OpensTheBrandsGeneric(int width, int height, string label)
    {
        var (page, errors) = await browser.NewPageAsync(site.BaseAddress, width, height);
        await page.GotoAsync("/");

        await page.Locator("#home-search").PressSequentiallyAsync("clol");
        // The list answers each prefix as it is typed ("clo" first lists Clofarabine): wait for the answer to "clol".
        var first = page.Locator("#home-search-suggestions [role=option]").First;
        await Assertions.Expect(first).ToContainTextAsync("Clolar");
        await Assertions.Expect(page.Locator("#home-search")).ToHaveAttributeAsync("aria-expanded", "true");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"typeahead-{label}") });
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#home-search")).ToHaveAttributeAsync("aria-activedescendant", (await first.GetAttributeAsync("id"))!);
        await page.Locator("#home-search").PressAsync("Enter");

        try
        {
            await page.ExpectUrlAsync("/composition/clofarabine/$");
        }
        catch (TimeoutException)
        {
            // Say where the page went and what the box held, so an intermittent failure can be explained.
            var box = await page.Locator("#home-search").EvaluateAsync<string>("e => e.outerHTML + ' value=' + e.value");
            Assert.Fail($"Enter on the chosen suggestion did not open the monograph: at {page.Url}; {box}");
        }

        Assert.Equal("Clofarabine", await page.Locator("h1").TextContentAsync());
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Typeahead_Escape_ClosesAndEnterSearches()
    {
        var (page, errors) = await browser.NewPageAsync(site.BaseAddress, Screenshots.DesktopWidth, Screenshots.DesktopHeight);
        await page.GotoAsync("/composition/folicacid/");

        await page.Locator("#site-search").PressSequentiallyAsync("folic");
        await page.Locator("#site-search-suggestions [role=option]").First.WaitForAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#site-search")).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.Equal("folic", await page.Locator("#site-search").InputValueAsync());
        await page.Locator("#site-search").PressAsync("Enter");

        await page.ExpectUrlAsync(@"/search\?q=folic$");
        Assert.True(await page.Locator("ol.results li").CountAsync() > 0);
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(Screenshots.DesktopWidth, Screenshots.DesktopHeight, "desktop")]
    [InlineData(Screenshots.PhoneWidth, Screenshots.PhoneHeight, "phone")]
    public async Task Misspelling_ShowsCorrectedResultsAndTheWayBack(int width, int height, string label)
    {
        var (page, errors) = await browser.NewPageAsync(site.BaseAddress, width, height);
        await page.GotoAsync("/search?q=klofarabine");

        Assert.Contains("Showing results for clofarabine", await page.Locator("#corrected").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("/composition/clofarabine/", await page.Locator("ol.results li h2 a").First.GetAttributeAsync("href"));
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"search-corrected-{label}") });
        await page.Locator("#corrected a", new() { HasText = "klofarabine" }).ClickAsync();

        await page.ExpectUrlAsync(@"/search\?q=klofarabine&correct=false$");
        await Assertions.Expect(page.Locator(".did-you-mean")).ToContainTextAsync("Did you mean", new() { Timeout = 60_000 });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FilterTabsAndPaging_NarrowThenReachTheNextPage()
    {
        var (page, errors) = await browser.NewPageAsync(site.BaseAddress, Screenshots.DesktopWidth, Screenshots.DesktopHeight);
        await page.GotoAsync("/search?q=the&limit=2");

        await page.Locator("nav.tabs a", new() { HasText = "Brands" }).ClickAsync();
        await page.ExpectUrlAsync("collection=medicines");
        Assert.Equal(["brand", "brand"], await page.Locator("ol.results .tag").AllTextContentsAsync());
        var firstPage = await page.Locator("ol.results li h2 a").AllTextContentsAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("search-filtered-desktop") });
        await page.Locator("a[rel=next]").ClickAsync();
        await page.ExpectUrlAsync("offset=2");

        Assert.All(await page.Locator("ol.results .tag").AllTextContentsAsync(), tag => Assert.Equal("brand", tag));
        Assert.Empty(firstPage.Intersect(await page.Locator("ol.results li h2 a").AllTextContentsAsync()));
        Assert.Equal("page", await page.Locator("nav.tabs a", new() { HasText = "Brands" }).GetAttributeAsync("aria-current"));
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(Screenshots.DesktopWidth, Screenshots.DesktopHeight, "desktop")]
    [InlineData(Screenshots.PhoneWidth, Screenshots.PhoneHeight, "phone")]
    public async Task Monograph_ClinicalSectionsOpen_ContentsLinkOpensItsSection_PrintShowsAll(int width, int height, string label)
    {
        var (page, errors) = await browser.NewPageAsync(site.BaseAddress, width, height);
        await page.GotoAsync("/composition/clofarabine/");

        foreach (var id in new[] { "usage", "dosage", "contraindications", "drug-interactions", "pregnancy-and-breastfeeding" })
        {
            Assert.NotNull(await page.Locator($"details#{id}").GetAttributeAsync("open"));
        }

        var h1 = await page.Locator("h1").BoundingBoxAsync();
        var contents = await page.Locator("nav.toc").BoundingBoxAsync();
        Assert.True(h1!.Y < contents!.Y || h1.X < contents.X, "the drug name comes before the contents (above it on a phone, left of it on a desktop)");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"monograph-dose-first-{label}") });

        Assert.Null(await page.Locator("details#side-effects").GetAttributeAsync("open"));
        await page.Locator("nav.toc a[href='#side-effects']").ClickAsync();
        // The section opens on the hashchange event, which fires after the click returns.
        await Assertions.Expect(page.Locator("details#side-effects")).ToHaveJSPropertyAsync("open", true);

        await page.GotoAsync("/composition/clofarabine/");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await page.Locator("details#how-it-works .section-body").IsVisibleAsync());
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(Screenshots.DesktopWidth, Screenshots.DesktopHeight, "desktop")]
    [InlineData(Screenshots.PhoneWidth, Screenshots.PhoneHeight, "phone")]
    public async Task Result_InAClosedSection_OpensThatSectionWhenClicked(int width, int height, string label)
    {
        var (page, errors) = await browser.NewPageAsync(site.BaseAddress, width, height);
        await page.GotoAsync("/search?q=erythrodysesthesia");

        var result = page.Locator("ol.results li h2 a").First;
        Assert.Equal("/composition/clofarabine/#side-effects-common-side-effects", await result.GetAttributeAsync("href"));
        await result.ClickAsync();

        await page.ExpectUrlAsync("/composition/clofarabine/#side-effects-common-side-effects$");
        // Side Effects is closed by default; the link opens it and brings the subsection into view.
        await Assertions.Expect(page.Locator("details#side-effects")).ToHaveJSPropertyAsync("open", true);
        await Assertions.Expect(page.Locator("#side-effects-common-side-effects")).ToBeInViewportAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"search-result-section-{label}") });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }
}
