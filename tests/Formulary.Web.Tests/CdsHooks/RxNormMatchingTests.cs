using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Formulary.Web.Hosting;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// Matching an order by RxNorm code, against a site whose clofarabine rules list a test-only RxCUI
/// (900001): a code names the drug when the order's text names none or the same drug (a brand of it); a text that names
/// another drug is a conflict, and nothing is dosed.
/// </summary>
public sealed class RxNormMatchingTests : IAsyncLifetime
{
    private WebApplication? app;
    private string content = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        content = RepositoryPaths.CreateContentCopy();
        var rules = Path.Combine(content, "compositions", "clofarabine.rules.yaml");
        await File.WriteAllTextAsync(rules, (await File.ReadAllTextAsync(rules)).Replace("name: Clofarabine\n", "name: Clofarabine\nrxnorm: [\"900001\"]\n", StringComparison.Ordinal));
        app = await ContentSite.StartAsync(
            // CDS Hooks without JWTs (development mode), as SiteFixture: this test is about matching, not security.
            new FormularyWebOptions { Urls = "http://127.0.0.1:0", ConsoleLogs = ConsoleLogFormat.None, MinimumLogLevel = LogLevel.Warning, CdsInsecureDev = true },
            content,
            content + ".db",
            new FixedTime(SiteFixture.Now));
        client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app!.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(content, recursive: true);
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(content)!, Path.GetFileName(content) + ".db*"))
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("900001", "Imaginarycillin", null, "Clofarabine: 55.1 mg/day IV for 5 days (52 mg/m² × 1.06 m²)")]
    [InlineData("900001", null, null, "Clofarabine: 55.1 mg/day IV for 5 days (52 mg/m² × 1.06 m²)")]
    [InlineData("123", "Clofarabine", null, "Clofarabine: 55.1 mg/day IV for 5 days (52 mg/m² × 1.06 m²)")]
    [InlineData("123", null, "Imaginarycillin", "Not checked: Formulary has no monograph for 'Imaginarycillin'")]
    [InlineData("900001", "Gentamicin", null, "Not checked: the order's medication names different drugs (the code RxNorm 900001 is Clofarabine, the text 'Gentamicin' is Gentamicin)")]
    [InlineData("900001", "Clolar 20 mg/20 mL", null, "Clofarabine: 55.1 mg/day IV for 5 days (52 mg/m² × 1.06 m²)")]
    public async Task Order_WithRxNormCoding_MatchedByCodeFirstThenByName(string code, string? text, string? display, string summary)
    {
        var request = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ConformanceVectorTests.Folder, "01-child.request.json")))!;
        var medication = request["context"]!["draftOrders"]!["entry"]![0]!["resource"]!["medicationCodeableConcept"]!.AsObject();
        medication.Remove("text");
        if (text is not null)
        {
            medication["text"] = text;
        }

        var coding = new JsonObject { ["system"] = "http://www.nlm.nih.gov/research/umls/rxnorm", ["code"] = code };
        if (display is not null)
        {
            coding["display"] = display;
        }

        medication["coding"] = new JsonArray(coding);

        using var body = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/cds-services/formulary-dose-check", UriKind.Relative), body);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(summary, answer.GetProperty("cards")[0].GetProperty("summary").GetString());
    }
}
