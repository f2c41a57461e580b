using System.Net;
using System.Text.Json;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Api;

public sealed class BrowseApiTests(GrowingSiteFixture site) : IClassFixture<GrowingSiteFixture>
{
    [Fact]
    public async Task Index_CountsPerCollectionAndLetter_InCamelCase()
    {
        using var json = JsonDocument.Parse(await site.Client.GetStringAsync(new Uri("/api/browse", UriKind.Relative)));

        var compositions = json.RootElement.GetProperty("collections")[0];
        Assert.Equal("composition", compositions.GetProperty("collection").GetString());
        var z = compositions.GetProperty("letters").EnumerateArray().Single(l => l.GetProperty("letter").GetString() == "z");
        Assert.Equal(GrowingSiteFixture.ZetaCount, z.GetProperty("count").GetInt32());
        Assert.Equal("/api/browse/compositions/z", z.GetProperty("url").GetString());
        Assert.Equal(
            compositions.GetProperty("letters").EnumerateArray().Sum(l => l.GetProperty("count").GetInt32()),
            compositions.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Letter_SecondPage_IsTheNextHundredInTitleOrder()
    {
        using var json = JsonDocument.Parse(await site.Client.GetStringAsync(new Uri("/api/browse/compositions/z?page=2", UriKind.Relative)));
        var root = json.RootElement;

        // 230 Zeta documents: page 2 of 3 holds Zeta 101 to Zeta 200.
        Assert.Equal((2, 3, 100, 230), (root.GetProperty("page").GetInt32(), root.GetProperty("pageCount").GetInt32(), root.GetProperty("pageSize").GetInt32(), root.GetProperty("total").GetInt32()));
        var items = root.GetProperty("items");
        Assert.Equal(100, items.GetArrayLength());
        Assert.Equal(("zeta-101", "Zeta 101", "/composition/zeta-101/"), (items[0].GetProperty("slug").GetString(), items[0].GetProperty("title").GetString(), items[0].GetProperty("url").GetString()));
        Assert.Equal("zeta-200", items[99].GetProperty("slug").GetString());
    }

    [Theory]
    [InlineData("/api/browse/nothing/a", HttpStatusCode.NotFound)]
    [InlineData("/api/browse/compositions/A", HttpStatusCode.NotFound)]
    [InlineData("/api/browse/compositions/z?page=4", HttpStatusCode.NotFound)]
    [InlineData("/api/browse/compositions/z?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/browse/compositions/z?page=x", HttpStatusCode.BadRequest)]
    public async Task Letter_BadAddress_IsAProblem(string path, HttpStatusCode status)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
