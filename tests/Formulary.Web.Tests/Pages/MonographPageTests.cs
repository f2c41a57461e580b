using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Pages;

public sealed partial class MonographPageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private async Task<string> GetHtmlAsync(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        // Compare decoded text: the renderer may encode characters such as '+' and '²' as references.
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SeedPage_Requested_HasTitleRepairedDescriptionAndCanonical()
    {
        var html = await GetHtmlAsync("/composition/clofarabine/");

        Assert.Contains("<h1>Clofarabine</h1>", html, StringComparison.Ordinal);
        Assert.Matches("<title>Clofarabine: [^<]*</title>", html);
        var description = MetaDescription().Match(html).Groups[1].Value;
        Assert.StartsWith("Clofarabine is prescribed for the treatment of pediatric patients", description, StringComparison.Ordinal);
        Assert.DoesNotContain("b...", description, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"{site.BaseAddress.ToString().TrimEnd('/')}/composition/clofarabine/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedPage_Requested_SectionsCollapsibleFirstOpenWithTableOfContents()
    {
        var html = await GetHtmlAsync("/composition/clofarabine/");

        var details = DetailsTag().Matches(html).Select(m => m.Value).ToList();
        Assert.True(details.Count >= 10, $"expected the seed's sections as <details>, found {details.Count}");
        Assert.Contains("id=\"usage\"", details[0], StringComparison.Ordinal);
        Assert.Contains(" open", details[0], StringComparison.Ordinal);
        Assert.DoesNotContain(" open", details[1], StringComparison.Ordinal);
        Assert.Contains("<nav class=\"toc\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#dosage\">Dosage</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"dosage-standard-dosage-children\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedPage_Requested_ShowsRepairedFaqOnceWithoutPastedAnswers()
    {
        var html = await GetHtmlAsync("/composition/clofarabine/");

        var questions = FaqQuestion().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(9, questions.Count);
        Assert.Equal("What is the recommended dosage for Clofarabine in children with relapsed or refractory ALL?", questions[0]);
        Assert.DoesNotContain("A:**", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"banned-notice\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedPage_Requested_HasMedicalWebPageDrugAndFaqPageJsonLd()
    {
        var html = await GetHtmlAsync("/composition/clofarabine/");

        var documents = JsonLdScript().Matches(html).Select(m => JsonDocument.Parse(m.Groups[1].Value)).ToList();
        var page = Assert.Single(documents, d => d.RootElement.GetProperty("@type").GetString() == "MedicalWebPage");
        Assert.Equal("Drug", page.RootElement.GetProperty("about").GetProperty("@type").GetString());
        Assert.Equal("Clofarabine", page.RootElement.GetProperty("about").GetProperty("name").GetString());
        Assert.Equal("2025-09-22T17:21:52Z", page.RootElement.GetProperty("dateModified").GetString());
        var faq = Assert.Single(documents, d => d.RootElement.GetProperty("@type").GetString() == "FAQPage");
        Assert.Equal(9, faq.RootElement.GetProperty("mainEntity").GetArrayLength());
    }

    [Fact]
    public async Task CombinationPage_Requested_LinksIngredientsAndDeclaresActiveIngredient()
    {
        var html = await GetHtmlAsync("/composition/combination/folicacid-methotrexate/");

        Assert.Contains("<a href=\"/composition/folicacid/\">Folic Acid</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/composition/methotrexate/\">Methotrexate</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/medicines/folitrex-5/\">Folitrex 5</a>", html, StringComparison.Ordinal);
        var drug = JsonLdScript().Matches(html).Select(m => JsonDocument.Parse(m.Groups[1].Value).RootElement)
            .Single(d => d.GetProperty("@type").GetString() == "MedicalWebPage").GetProperty("about");
        Assert.Equal("Folic Acid, Methotrexate", drug.GetProperty("activeIngredient").GetString());
    }

    [Fact]
    public async Task CompositionAndBrand_Requested_LinkToEachOther()
    {
        var composition = await GetHtmlAsync("/composition/clofarabine/");
        var brand = await GetHtmlAsync("/medicines/clolar-20mg/");
        var ingredient = await GetHtmlAsync("/composition/methotrexate/");

        Assert.Contains("<a href=\"/medicines/clolar-20mg/\">Clolar 20 mg test fixture</a>", composition, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/composition/clofarabine/\">Clofarabine</a>", brand, StringComparison.Ordinal);
        Assert.Contains("Test Fixture Pharma", brand, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/composition/combination/folicacid-methotrexate/\">Folic Acid + Methotrexate</a>", ingredient, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BannedComposition_Requested_ShowsBannedNotice()
    {
        var html = await GetHtmlAsync("/composition/phenformin/");

        Assert.Contains("id=\"banned-notice\"", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileMonograph_Rendered_KeepsTextButNothingThatRunsOrLoads()
    {
        var html = await GetHtmlAsync("/composition/hostile-fixture/");
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

        Assert.Contains("Harmless text <sup>2</sup>", main, StringComparison.Ordinal);
        Assert.Contains("<table>", main, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", main, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", main, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", main, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", main, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", main, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", main, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("127.0.0.1:9", main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileMonograph_AuthorIdsAndSectionNamedMain_EveryIdOnThePageUnique()
    {
        var html = await GetHtmlAsync("/composition/hostile-fixture/");

        var ids = ElementId().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Distinct(StringComparer.Ordinal), ids);
        Assert.Single(ids, id => id == "main");
        Assert.Contains("user-content-main", ids);
        Assert.Contains("main-section", ids);
        Assert.Contains("name=\"user-content-dose\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileNameWithApostrophe_OldAddress_RedirectsToNormalizedSlugWhichServes()
    {
        using var response = await site.Client.GetAsync(new Uri("/composition/st-john's-wort/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/composition/st-johns-wort/", response.Headers.Location?.OriginalString);
        Assert.Contains("<h1>St John's wort</h1>", await GetHtmlAsync("/composition/st-johns-wort/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageWithoutTrailingSlash_Requested_RedirectsPermanently()
    {
        using var response = await site.Client.GetAsync(new Uri("/composition/clofarabine", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/composition/clofarabine/", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("/composition/no-such-drug")]
    [InlineData("/composition/no-such-drug's/")]
    [InlineData("/composition/combination/no,such/")]
    [InlineData("/medicines/%27%27/")]
    public async Task AddressThatWouldRedirectToNoPage_IsTheNotFoundPageItself(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task UnknownMonograph_Requested_ReturnsNotFoundPage()
    {
        using var response = await site.Client.GetAsync(new Uri("/composition/no-such-drug/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CachedPage_RequestedWithItsETag_ReturnsNotModified()
    {
        using var first = await site.Client.GetAsync(new Uri("/composition/clofarabine/", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/composition/clofarabine/", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await site.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [GeneratedRegex("<meta name=\"description\" content=\"([^\"]*)\"")]
    private static partial Regex MetaDescription();

    [GeneratedRegex("<details class=\"section\"[^>]*>")]
    private static partial Regex DetailsTag();

    [GeneratedRegex("<dt id=\"faq-\\d+\">([^<]*)</dt>")]
    private static partial Regex FaqQuestion();

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdScript();

    [GeneratedRegex("\\sid=\"([^\"]*)\"")]
    private static partial Regex ElementId();
}
