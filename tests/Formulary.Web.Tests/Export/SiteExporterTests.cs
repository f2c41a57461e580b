using System.Text.Json;
using System.Text.RegularExpressions;
using Formulary.Monographs.Loading;
using Formulary.Web.Dosing;
using Formulary.Web.Export;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Export;

public sealed partial class SiteExporterTests : IAsyncLifetime
{
    private const string BaseUrl = "https://formulary.example.org";
    private readonly string content = RepositoryPaths.CreateContentCopy();
    private readonly string output = Path.Combine(Path.GetTempPath(), "formulary-export-tests", Guid.NewGuid().ToString("N"));
    private ExportReport report = null!;
    private int documents;

    public async Task InitializeAsync()
    {
        var set = new ContentLoader().Load(content);
        documents = set.Monographs.Count;
        var drugs = Formulary.Monographs.Rules.DrugProfileCatalog.Load(content).Profiles.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        report = await SiteExporter.ExportAsync(set.Monographs, drugs, output, BaseUrl, TimeProvider.System);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(content, recursive: true);
        Directory.Delete(output, recursive: true);
        return Task.CompletedTask;
    }

    private string Read(string relative) => File.ReadAllText(Path.Combine(output, relative));

    [Fact]
    public async Task Export_Streamed_ListedButGone_NoPage_ArrivedUnlisted_Skipped_StreamReadOnce()
    {
        var set = new ContentLoader().Load(content);
        var summaries = set.Monographs.Select(m => Formulary.Storage.Listing.MonographSummary.From(m, 1, DateTimeOffset.UnixEpoch)).ToList();
        var gone = set.Monographs.Single(m => m.Slug == "clofarabine");
        var unlisted = set.Monographs.Single(m => m.Slug == "methotrexate") with { Slug = "added-since-listing" };
        var streamed = Path.Combine(output, "streamed");
        var reads = 0;

        async IAsyncEnumerable<Formulary.Storage.Versions.LiveMonographRow> Store()
        {
            Interlocked.Increment(ref reads);
            foreach (var monograph in set.Monographs.Where(m => m != gone).Append(unlisted))
            {
                await Task.Yield();
                yield return Formulary.Storage.Versions.LiveMonographRow.Of(new(monograph, Sections: null));
            }
        }

        var result = await SiteExporter.ExportAsync(summaries, Store(), new HashSet<string>(), streamed, BaseUrl, TimeProvider.System);

        Assert.Equal(summaries.Count - 1, result.Pages);
        Assert.Equal(1, reads);
        Assert.False(File.Exists(Path.Combine(streamed, "composition", "clofarabine", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(streamed, "composition", "added-since-listing")));
        Assert.True(File.Exists(Path.Combine(streamed, "composition", "methotrexate", "index.html")));
        var index = File.ReadAllText(Path.Combine(streamed, "search-index.json"));
        Assert.DoesNotContain("/composition/clofarabine/", index, StringComparison.Ordinal);
        Assert.DoesNotContain("added-since-listing", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_IntoAnEarlierExport_EveryFileEqualsAFreshExport()
    {
        // Files are opened without truncation (SiteExporter.Write): a file left longer than the new one must be cut,
        // a shorter one overwritten whole, the search index included.
        var set = new ContentLoader().Load(content);
        var again = Path.Combine(output, "again");
        var longer = Path.Combine(again, "composition", "clofarabine", "index.html");
        var shorter = Path.Combine(again, "composition", "methotrexate", "index.html");
        Directory.CreateDirectory(Path.GetDirectoryName(longer)!);
        Directory.CreateDirectory(Path.GetDirectoryName(shorter)!);
        await File.WriteAllTextAsync(longer, new string('x', 1_000_000));
        await File.WriteAllTextAsync(shorter, "old");
        await File.WriteAllTextAsync(Path.Combine(again, "search-index.json"), new string('y', 50_000_000));
        var fresh = Path.Combine(output, "fresh");
        var clock = new FixedTime(SiteFixture.Now);

        await SiteExporter.ExportAsync(set.Monographs, new HashSet<string>(), again, BaseUrl, clock);
        await SiteExporter.ExportAsync(set.Monographs, new HashSet<string>(), fresh, BaseUrl, clock);

        var files = Directory.GetFiles(fresh, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(fresh, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(again, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(again, f)).Order(StringComparer.Ordinal));
        Assert.Contains(Path.Combine("composition", "clofarabine", "index.html"), files);
        Assert.All(files, file => Assert.Equal(File.ReadAllBytes(Path.Combine(fresh, file)), File.ReadAllBytes(Path.Combine(again, file))));
    }

    [Fact]
    public async Task Export_FrontMatterAndBodyFaqsThatDoNotMatch_EachIdOnce()
    {
        // Two FAQs in the front matter and two other ones in the body: each list counts from 1, and the page showed
        // id="faq-1" and id="faq-2" twice each (a black-box probe, session 25).
        var folder = Path.Combine(output, "faq-content");
        Directory.CreateDirectory(Path.Combine(folder, "compositions"));
        await File.WriteAllTextAsync(
            Path.Combine(folder, "compositions", "faqids.md"),
            "---\ntitle: FaqIds\ndescription: d\nfaqs:\n  - q: Front question one?\n    a: Front answer.\n  - q: Front question two?\n    a: Front answer 2.\n---\n"
            + "## **Usage**\n\nx\n\n## **FAQs**\n\n### **Q1: Body question one?**\n\nBody answer.\n\n### **Q2: Body question two?**\n\nBody answer 2.\n");
        var site = Path.Combine(output, "faq-site");

        await SiteExporter.ExportAsync(new ContentLoader().Load(folder).Monographs, new HashSet<string>(), site, BaseUrl, TimeProvider.System);

        var ids = IdAttribute().Matches(await File.ReadAllTextAsync(Path.Combine(site, "composition", "faqids", "index.html"))).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(4, ids.Count(id => id.StartsWith("faq-", StringComparison.Ordinal)));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [GeneratedRegex("\\sid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [Fact]
    public void Export_Content_WritesOnePagePerMonographAtItsUrl()
    {
        Assert.Equal(documents, report.Pages);
        Assert.Contains("<h1>Clofarabine</h1>", Read("composition/clofarabine/index.html"), StringComparison.Ordinal);
        Assert.Contains("<h1>Folic Acid + Methotrexate</h1>", System.Net.WebUtility.HtmlDecode(Read("composition/combination/folicacid-methotrexate/index.html")), StringComparison.Ordinal);
        Assert.Contains("<a href=\"/composition/clofarabine/\">Clofarabine</a>", Read("medicines/clolar-20mg/index.html"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "404.html")));
    }

    [Fact]
    public void Export_PageWithDoseRules_SaysTheCalculatorNeedsTheServer()
    {
        var html = Read("composition/clofarabine/index.html");

        Assert.DoesNotContain("<form class=\"dose-form\"", html, StringComparison.Ordinal);
        Assert.Contains("cannot compute doses", html, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"{BaseUrl}/composition/clofarabine/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_Assets_AreWrittenWhereThePagesLinkThem()
    {
        var html = Read("search/index.html");
        var stylesheet = Stylesheet().Match(html).Groups[1].Value;
        var script = Script().Match(html).Groups[1].Value;

        Assert.True(File.Exists(Path.Combine(output, stylesheet.TrimStart('/'))), stylesheet);
        Assert.True(File.Exists(Path.Combine(output, script.TrimStart('/'))), script);
        Assert.Contains("id=\"static-results\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_SearchIndex_ListsEveryDocumentWithItsNames()
    {
        using var index = JsonDocument.Parse(Read("search-index.json"));
        var entries = index.RootElement.GetProperty("documents").EnumerateArray().ToList();
        var clofarabine = entries.Single(e => e.GetProperty("url").GetString() == "/composition/clofarabine/");

        Assert.Equal(documents, entries.Count);
        Assert.Contains("Clolar", clofarabine.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("composition", clofarabine.GetProperty("collection").GetString());
    }

    [Fact]
    public void Export_SearchIndex_ListsEachSectionWithItsPageAnchor()
    {
        using var index = JsonDocument.Parse(Read("search-index.json"));
        var clofarabine = index.RootElement.GetProperty("documents").EnumerateArray().Single(e => e.GetProperty("url").GetString() == "/composition/clofarabine/");
        var sections = clofarabine.GetProperty("sections").EnumerateArray().ToList();
        var page = Read("composition/clofarabine/index.html");

        // The seed's twelve top-level headings, in order; its FAQ heading becomes the page's FAQ block.
        Assert.Equal(
            ["usage", "alternate-names", "how-it-works", "dosage", "side-effects", "contraindications", "drug-interactions", "pregnancy-and-breastfeeding", "drug-profile-summary", "popular-combinations", "precautions", "faqs"],
            sections.Select(s => s.GetProperty("id").GetString()));
        Assert.All(sections, s => Assert.Contains($"id=\"{s.GetProperty("id").GetString()}\"", page, StringComparison.Ordinal));
        var dosage = sections.Single(s => s.GetProperty("id").GetString() == "dosage");
        Assert.Equal("Dosage", dosage.GetProperty("title").GetString());
        Assert.InRange(dosage.GetProperty("text").GetString()!.Length, 1, 160);
        Assert.InRange(sections.Sum(s => s.GetProperty("text").GetString()!.Length), 1, 1_200);
    }

    [Fact]
    public void Export_SitemapAndRobots_UseThePublicAddress()
    {
        Assert.Contains($"<loc>{BaseUrl}/composition/clofarabine/</loc>", Read("sitemap.xml"), StringComparison.Ordinal);
        Assert.Contains("<lastmod>2025-09-22T17:21:52Z</lastmod>", Read("sitemap.xml"), StringComparison.Ordinal);
        Assert.Contains($"Sitemap: {BaseUrl}/sitemap.xml", Read("robots.txt"), StringComparison.Ordinal);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();

    [GeneratedRegex("<script src=\"([^\"]+)\" defer>")]
    private static partial Regex Script();
}
