using Microsoft.Playwright;

namespace Formulary.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by scripts/install-deps.sh) driven by the
/// Playwright driver bundled in the NuGet package. Nothing is downloaded: the browser download is
/// switched off and the flags keep Chromium from calling home on a machine without internet.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run 'bash scripts/install-deps.sh' first.");
        }

        // Expect(...) retries until its state holds; five seconds (the default) is too short on a loaded CI machine.
        Assertions.SetDefaultExpectTimeout(30_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>A fresh page at a given viewport; collects console errors (CSP violations show up there).</summary>
    public async Task<(IPage Page, List<string> ConsoleErrors)> NewPageAsync(Uri baseAddress, int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        // A shared two-core CI machine running the whole suite can take tens of seconds to fire a page's
        // load event; the waits are generous so a slow machine is not read as a broken page.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        return (page, errors);
    }
}

/// <summary>Waiting for a page to be at a URL after a click.</summary>
public static class PageNavigation
{
    /// <summary>
    /// Waits until the page's URL matches <paramref name="pattern"/> (a regular expression) and its document has loaded,
    /// both by polling. Not <c>WaitForURLAsync</c>: it checks the URL and then subscribes to the navigation's events,
    /// and can lose the event in between (microsoft/playwright-dotnet#3364); when the URL already matches it waits for
    /// <c>load</c> whatever it was asked (#3365). Twice in this suite it timed out on a loaded machine after the URL had
    /// matched. As before, what follows may read the page without waiting (counts, texts): the document is complete.
    /// </summary>
    public static async Task ExpectUrlAsync(this IPage page, string pattern)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(pattern), new() { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }
}
