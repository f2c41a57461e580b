using System.Net;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Api;

/// <summary>
/// The OpenAPI document is a wire contract: any change shows up as a diff against the golden file.
/// After an intended change, regenerate with <c>FORMULARY_REGENERATE_GOLDEN=1 dotnet test</c> and review the diff.
/// </summary>
public sealed class OpenApiDocumentTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static string GoldenPath => Path.Combine(RepositoryPaths.Root, "tests", "Formulary.Web.Tests", "Golden", "openapi-v1.json");

    [Fact]
    public async Task OpenApiDocument_Generated_MatchesGoldenFile()
    {
        using var response = await site.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actual = (await response.Content.ReadAsStringAsync()).ReplaceLineEndings("\n");

        if (Environment.GetEnvironmentVariable("FORMULARY_REGENERATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(GoldenPath, actual);
        }

        Assert.True(File.Exists(GoldenPath), $"{GoldenPath} is missing; run the tests with FORMULARY_REGENERATE_GOLDEN=1 to create it.");
        var expected = (await File.ReadAllTextAsync(GoldenPath)).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task OpenApiDocument_Generated_DescribesEveryApiOperation()
    {
        var document = await site.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        foreach (var path in new[] { "/api/monographs/{collection}/{slug}", "/api/monographs/{collection}/{slug}/versions", "/api/monographs/{collection}/{slug}/diff", "/api/search", "/api/dose", "/api/check" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\"/composition/", document, StringComparison.Ordinal);
    }

    /// <summary>Issue 8.1/8.2: the API refuses unknown properties, and its document must not promise otherwise.</summary>
    [Fact]
    public async Task OpenApiDocument_DoseRequest_ClosedToUnknownProperties()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await site.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var schema = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("DoseRequestBody");
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
    }
}
