using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Api;

public sealed class MonographApiTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task GetMonograph_Seed_ReturnsParsedModel()
    {
        using var response = await site.Client.GetAsync(new Uri("/api/monographs/compositions/clofarabine", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("composition", root.GetProperty("collection").GetString());
        Assert.Equal("clofarabine", root.GetProperty("slug").GetString());
        Assert.Equal("Clofarabine", root.GetProperty("title").GetString());
        Assert.Equal(9, root.GetProperty("faqs").GetArrayLength());
        Assert.Contains("Clolar", root.GetProperty("alternateNames").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("/api/monographs/compositions/no-such-drug")]
    [InlineData("/api/monographs/nonsense/clofarabine")]
    [InlineData("/api/monographs/compositions/no-such-drug/versions")]
    public async Task GetMonograph_Unknown_ReturnsNotFoundProblem(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("/problems/not-found", json.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Versions_AfterContentChangeAndReimport_ListsBothAndDiffsThem()
    {
        var file = Path.Combine(site.ContentDirectory, "compositions", "folicacid.md");
        await File.AppendAllTextAsync(file, "\nAdded line for the version test.\n");
        await Formulary.Web.Hosting.ContentSite.ImportAsync(site.Services, site.ContentDirectory);

        var versions = await site.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/monographs/compositions/folicacid/versions", UriKind.Relative));
        using var diff = await site.Client.GetAsync(new Uri("/api/monographs/compositions/folicacid/diff?from=1&to=2", UriKind.Relative));
        var diffJson = JsonDocument.Parse(await diff.Content.ReadAsStringAsync()).RootElement;
        var page = await site.Client.GetStringAsync(new Uri("/composition/folicacid/", UriKind.Relative));

        Assert.Equal(2, versions.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, diff.StatusCode);
        Assert.Contains(diffJson.GetProperty("lines").EnumerateArray(),
            l => l.GetProperty("kind").GetString() == "added" && l.GetProperty("text").GetString() == "Added line for the version test.");
        Assert.Contains("Added line for the version test.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_WithoutVersions_ReturnsBadRequestProblem()
    {
        using var response = await site.Client.GetAsync(new Uri("/api/monographs/compositions/clofarabine/diff", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
