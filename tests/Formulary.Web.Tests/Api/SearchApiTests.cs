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
    public async Task Search_LimitAndOffset_PageThroughResults()
    {
        var all = await site.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/search?q=fixture&limit=100", UriKind.Relative));
        var second = await site.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/search?q=fixture&limit=1&offset=1", UriKind.Relative));

        Assert.True(all.GetProperty("hits").GetArrayLength() >= 2);
        Assert.Equal(1, second.GetProperty("hits").GetArrayLength());
        Assert.Equal(all.GetProperty("hits")[1].GetProperty("slug").GetString(), second.GetProperty("hits")[0].GetProperty("slug").GetString());
    }

    [Theory]
    [InlineData("/api/search")]
    [InlineData("/api/search?q=")]
    [InlineData("/api/search?q=x&limit=0")]
    [InlineData("/api/search?q=x&limit=101")]
    [InlineData("/api/search?q=x&offset=-1")]
    [InlineData("/api/search?q=x&offset=10001")]
    [InlineData("/api/search?q=x&limit=abc")]
    public async Task Search_OutsideDocumentedLimits_ReturnsBadRequestProblem(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("/problems/bad-request", json.RootElement.GetProperty("type").GetString());
    }
}
