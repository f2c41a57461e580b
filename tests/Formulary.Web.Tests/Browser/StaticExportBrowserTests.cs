using Formulary.Monographs.Loading;
using Formulary.Web.Export;
using Formulary.Web.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;

namespace Formulary.Web.Tests.Browser;

/// <summary>The exported site served by a plain static file server, searched in Chromium with its own script.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaticExportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ExportedSite_SearchClolar_ListsClofarabineFirst()
    {
        var content = RepositoryPaths.CreateContentCopy();
        var output = Path.Combine(Path.GetTempPath(), "formulary-static-browser", Guid.NewGuid().ToString("N"));
        try
        {
            var set = new ContentLoader().Load(content);
            await SiteExporter.ExportAsync(set.Monographs, new HashSet<string>(), output, "http://localhost", TimeProvider.System);
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            await using var app = builder.Build();
            var files = new PhysicalFileProvider(output);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
            await app.StartAsync();
            var (page, errors) = await browser.NewPageAsync(new Uri(app.Urls.Single()), Screenshots.PhoneWidth, Screenshots.PhoneHeight);

            await page.GotoAsync("/");
            await page.FillAsync("#home-search", "Clolar");
            await page.PressAsync("#home-search", "Enter");
            await page.Locator("#static-results li").First.WaitForAsync();

            Assert.Equal("/composition/clofarabine/", await page.Locator("#static-results li a").First.GetAttributeAsync("href"));
            Assert.Equal("composition", await page.Locator("#static-results li .tag").First.TextContentAsync());

            // A word its names do not hold lands on the section that holds it.
            await page.GotoAsync("/search/?q=clofarabine+dosage");
            await page.Locator("#static-results li").First.WaitForAsync();
            Assert.Equal("/composition/clofarabine/#dosage", await page.Locator("#static-results li a").First.GetAttributeAsync("href"));
            Assert.Empty(errors);
            await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("static-search-phone") });
            await page.Context.CloseAsync();
            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(content, recursive: true);
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
