using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Api;

public sealed class SearchApiTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Search_BrandName_ReturnsClofarabineFirstWithCollection()
    {
        var results = await site.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/search?q=Clolar", UriKind.Relative));

        var first = results.GetProperty("hits")[0];
        Assert.Equal("clofarabine", first.GetProperty("slug").GetString());
        Assert.Equal("composition", first.GetProperty("collection").GetString());
        Assert.True(results.GetProperty("total").GetInt32() >= 1);
    }

    [Fact]
    public async Task Search_WordOfAClosedSubsection_HitCarriesItsSectionAndLinksThere()
    {
        var results = await site.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/search?q=erythrodysesthesia", UriKind.Relative));

        var first = results.GetProperty("hits")[0];
        Assert.Equal(
            ("clofarabine", "side-effects-common-side-effects", "/composition/clofarabine/#side-effects-common-side-effects"),
            (first.GetProperty("slug").GetString(), first.GetProperty("section").GetString(), first.GetProperty("url").GetString()));
        var snippet = first.GetProperty("snippetHtml").GetString()!;
        Assert.Contains("<mark>erythrodysesthesia</mark>", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("Common Side Effects", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Name_HitLinksToThePageTopWithNoSection()
    {
        var results = await site.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/search?q=Clolar", UriKind.Relative));

        var first = results.GetProperty("hits")[0];
        Assert.Equal((JsonValueKind.Null, "/composition/clofarabine/"), (first.GetProperty("section").ValueKind, first.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task Search_LimitAndOffset_PageThroughResults()
    {
        var all = await site.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/search?q=fixture&limit=100", UriKind.Relative));
        var second = await site.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/search?q=fixture&limit=1&offset=1", UriKind.Relative));

        Assert.True(all.GetProperty("hits").GetArrayLength() >= 2);
        Assert.Equal(1, second.GetProperty("hits").GetArrayLength());
        Assert.Equal(all.GetProperty("hits")[1].GetProperty("slug").GetString(), second.GetProperty("hits")[0].GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Search_Misspelling_ReturnsCorrectedResultsWithCorrectedFrom()
    {
        var results = await site.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/search?q=metotrexate", UriKind.Relative));

        Assert.Equal(("methotrexate", "metotrexate"), (results.GetProperty("query").GetString(), results.GetProperty("correctedFrom").GetString()));
        Assert.Equal("methotrexate", results.GetProperty("hits")[0].GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Search_Collection_NarrowsHitsAndCountsEveryCollection()
    {
        var results = await site.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/search?q=folic&collection=medicine", UriKind.Relative));

        Assert.All(results.GetProperty("hits").EnumerateArray(), hit => Assert.Equal("medicine", hit.GetProperty("collection").GetString()));
        var counts = results.GetProperty("counts").EnumerateArray().ToDictionary(c => c.GetProperty("collection").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(counts["medicine"], results.GetProperty("total").GetInt32());
        Assert.True(counts["combination"] >= 1);
    }

    [Fact]
    public async Task Search_OneLetterWordsAttack_MatchesWholeWordsOnly()
    {
        // issue 12: "t a o i n s h r d l c u" with limit=100 once cost 21.7 s of CPU (a prefix search per letter);
        // now short words are whole words, so nothing matches. Its cost is measured by bench/search-attack.sh, not
        // here: whether it beat the 150 ms budget on a shared test machine says nothing about the code.
        var results = await site.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/search?q=t%20a%20o%20i%20n%20s%20h%20r%20d%20l%20c%20u&limit=100", UriKind.Relative));

        Assert.Equal(0, results.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Suggest_BrandPrefix_OffersTheBrandOpeningItsGeneric()
    {
        var answer = await site.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/suggest?q=Clol", UriKind.Relative));

        var first = answer.GetProperty("suggestions")[0];
        Assert.Equal(("Clolar", "Clofarabine", "composition", "/composition/clofarabine/"),
            (first.GetProperty("name").GetString(), first.GetProperty("title").GetString(), first.GetProperty("collection").GetString(), first.GetProperty("url").GetString()));
    }

    [Theory]
    [InlineData("c")]
    [InlineData("")]
    public async Task Suggest_UnderTwoLetters_IsAnEmptyList(string q)
    {
        var answer = await site.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/suggest?q=" + q, UriKind.Relative));

        Assert.Equal(0, answer.GetProperty("suggestions").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/suggest")]
    [InlineData("/api/suggest?q=cl&limit=0")]
    [InlineData("/api/suggest?q=cl&limit=21")]
    public async Task Suggest_OutsideDocumentedLimits_ReturnsBadRequestProblem(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/search")]
    [InlineData("/api/search?q=")]
    [InlineData("/api/search?q=x&limit=0")]
    [InlineData("/api/search?q=x&limit=101")]
    [InlineData("/api/search?q=x&offset=-1")]
    [InlineData("/api/search?q=x&offset=10001")]
    [InlineData("/api/search?q=x&limit=abc")]
    [InlineData("/api/search?q=x&collection=drugs")]
    [InlineData("/api/search?q=x&correct=maybe")]
    public async Task Search_OutsideDocumentedLimits_ReturnsBadRequestProblem(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("/problems/bad-request", json.RootElement.GetProperty("type").GetString());
    }
}
