using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// Replays the conformance vectors of docs/cds-hooks/vectors over real HTTP: each <c>NAME.request.json</c>
/// is posted to the service of its hook and the answer compared with <c>NAME.response.json</c> (status and a
/// semantic subset of the body; see <see cref="JsonContainment"/>). The expected values were worked by hand;
/// the arithmetic is in each response file's <c>arithmetic</c> and in the folder's README.
/// </summary>
public sealed class ConformanceVectorTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "docs", "cds-hooks", "vectors");

    public static TheoryData<string> Vectors()
    {
        var names = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.request.json").Order(StringComparer.Ordinal))
        {
            names.Add(Path.GetFileName(file)[..^".request.json".Length]);
        }

        return names;
    }

    [Fact]
    public void Folder_HasAResponseForEveryRequest_AndTheEightRequiredCases()
    {
        var requests = Directory.EnumerateFiles(Folder, "*.request.json").Select(f => Path.GetFileName(f)[..^".request.json".Length]).ToList();
        Assert.All(requests, name => Assert.True(File.Exists(Path.Combine(Folder, name + ".response.json")), name));
        Assert.True(requests.Count >= 8);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Vector_ReplayedOverHttp_MatchesTheHandComputedResponse(string name)
    {
        var request = await File.ReadAllTextAsync(Path.Combine(Folder, name + ".request.json"));
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, name + ".response.json")));
        var hook = JsonDocument.Parse(request).RootElement.GetProperty("hook").GetString();
        var service = hook == "order-select" ? "formulary-dose-check-select" : "formulary-dose-check";

        using var content = new StringContent(request, Encoding.UTF8, "application/json");
        using var response = await site.Client.PostAsync(new Uri("/cds-services/" + service, UriKind.Relative), content);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        var difference = JsonContainment.FirstDifference(expected.RootElement.GetProperty("body"), body);
        Assert.True(expected.RootElement.GetProperty("status").GetInt32() == (int)response.StatusCode && difference is null, $"{(int)response.StatusCode} {difference}\n{body}");
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("cards", out var cards))
        {
            Assert.All(cards.EnumerateArray(), card =>
            {
                Assert.InRange(card.GetProperty("summary").GetString()!.Length, 1, 140);
                Assert.Contains(card.GetProperty("indicator").GetString(), new[] { "info", "warning", "critical" });
                Assert.False(string.IsNullOrEmpty(card.GetProperty("source").GetProperty("label").GetString()));
                Assert.Equal(card.GetProperty("indicator").GetString() == "critical", card.TryGetProperty("overrideReasons", out var reasons) && reasons.GetArrayLength() > 0);
            });
        }
    }
}
