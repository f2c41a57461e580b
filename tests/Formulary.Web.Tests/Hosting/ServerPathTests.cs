using System.Net;

namespace Formulary.Web.Tests.Hosting;

/// <summary>Issue 9.9: no response shows where the server keeps its files; source paths are relative to the content root.</summary>
public sealed class ServerPathTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    public static TheoryData<string> Responses => new()
    {
        "/api/monographs/compositions/clofarabine",
        "/api/monographs/compositions/clofarabine/versions",
        "/api/monographs/compositions/clofarabine/versions/1",
        "/api/monographs/compositions/clofarabine/diff?from=1&to=1",
        "/api/monographs/compositions/clofarabine/versions/99",
        "/api/monographs/medicines/no-such-brand",
        "/api/search?q=clofarabine",
        "/composition/clofarabine/",
        "/composition/no-such-drug/",
        "/search?q=clofarabine",
        "/fhir/MedicationKnowledge/clofarabine",
        "/fhir/metadata",
        "/openapi/v1.json",
        "/problems/not-found",
        "/nowhere/%00",
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Response_AnyPath_NamesNoServerFolder(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.ToString() + response.Content.Headers;

        foreach (var folder in new[] { site.ContentDirectory, Path.GetDirectoryName(site.DatabasePath)!, AppContext.BaseDirectory, Path.GetTempPath() })
        {
            Assert.DoesNotContain(folder.TrimEnd('/'), body, StringComparison.Ordinal);
            Assert.DoesNotContain(folder.TrimEnd('/'), headers, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Versions_Listed_SourcePathRelativeToContentRoot()
    {
        using var response = await site.Client.GetAsync(new Uri("/api/monographs/compositions/clofarabine/versions", UriKind.Relative));
        using var versions = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(versions.RootElement.EnumerateArray(), v => Assert.Equal("compositions/clofarabine.md", v.GetProperty("sourcePath").GetString()));
    }
}
