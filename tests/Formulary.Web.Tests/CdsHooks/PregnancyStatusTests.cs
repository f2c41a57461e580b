using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// The record's pregnancy status (LOINC 82810-3) read into the pregnancy screen over real HTTP. The base is the
/// vector 01-child (a 10-year-old girl: the screen applies from 8 years; 55.1 mg/day, worked there) with a
/// <c>pregnancy</c> prefetch; today is 2026-03-02. Only a current yes or no answers the screen; anything else
/// leaves it "not asked" (SCREEN_PREGNANCY_NOT_DONE) and says why.
/// </summary>
public sealed class PregnancyStatusTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static JsonObject WithPregnancy(string? system, string? code, string date = "2026-03-01", string status = "final")
    {
        var request = JsonNode.Parse(File.ReadAllText(Path.Combine(ConformanceVectorTests.Folder, "01-child.request.json")))!.AsObject();
        var observation = new JsonObject
        {
            ["resourceType"] = "Observation",
            ["id"] = "pregnancy-1",
            ["status"] = status,
            ["code"] = JsonNode.Parse("""{"coding":[{"system":"http://loinc.org","code":"82810-3","display":"Pregnancy status"}]}"""),
            ["subject"] = new JsonObject { ["reference"] = "Patient/child-1" },
            ["effectiveDateTime"] = date,
        };
        if (code is not null)
        {
            observation["valueCodeableConcept"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) };
        }
        else
        {
            observation["dataAbsentReason"] = JsonNode.Parse("""{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/data-absent-reason","code":"asked-declined"}]}""");
        }

        request["prefetch"]!["pregnancy"] = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "searchset",
            ["entry"] = new JsonArray(new JsonObject { ["resource"] = observation }),
        };
        return request;
    }

    private async Task<JsonElement> CardAsync(JsonObject request)
    {
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await site.Client.PostAsync(new Uri("/cds-services/formulary-dose-check", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return Assert.Single(body.GetProperty("cards").EnumerateArray().ToList());
    }

    [Theory]
    [InlineData("http://loinc.org", "LA15173-0")]
    [InlineData("http://snomed.info/sct", "77386006")]
    public async Task Pregnant_IsACriticalContraindicationCard(string system, string code)
    {
        var card = await CardAsync(WithPregnancy(system, code));

        Assert.Equal("critical", card.GetProperty("indicator").GetString());
        Assert.Contains("CI_PREGNANCY", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Pregnancy status from the record: pregnant", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(card.GetProperty("overrideReasons").EnumerateArray());
    }

    [Theory]
    [InlineData("http://loinc.org", "LA26683-5")]
    [InlineData("http://snomed.info/sct", "60001007")]
    public async Task NotPregnant_AnswersTheScreen_AndTheDoseStands(string system, string code)
    {
        var card = await CardAsync(WithPregnancy(system, code));

        var detail = card.GetProperty("detail").GetString()!;
        Assert.Equal("Clofarabine: 55.1 mg/day IV for 5 days (52 mg/m² × 1.06 m²)", card.GetProperty("summary").GetString());
        Assert.DoesNotContain("SCREEN_PREGNANCY_NOT_DONE", detail, StringComparison.Ordinal);
        Assert.Contains("Screen pregnancy: no.", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://loinc.org", "LA4489-6", "2026-03-01", "final", "as unknown")]
    [InlineData("http://snomed.info/sct", "261665006", "2026-03-01", "final", "as unknown")]
    [InlineData("http://loinc.org", "LA26683-5", "2026-02-22", "final", "8 days ago; it is used within 7 days")]
    [InlineData("http://loinc.org", "LA26683-5", "2026-03-01", "preliminary", "status 'preliminary'")]
    [InlineData("http://loinc.org", "LA26683-5", "2026-03", "final", "no full date")]
    [InlineData("http://loinc.org", "LA0000-0", "2026-03-01", "final", "not one of the LOINC")]
    [InlineData(null, null, "2026-03-01", "final", "no coded answer (asked-declined)")]
    public async Task AnswerThatCannotBeUsed_LeavesTheScreenNotAsked_AndSaysWhy(string? system, string? code, string date, string status, string expected)
    {
        var card = await CardAsync(WithPregnancy(system, code, date, status));

        var detail = card.GetProperty("detail").GetString()!;
        Assert.Equal("Clofarabine: 55.1 mg/day IV for 5 days (52 mg/m² × 1.06 m²)", card.GetProperty("summary").GetString());
        Assert.Contains("SCREEN_PREGNANCY_NOT_DONE", detail, StringComparison.Ordinal);
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.Contains("The pregnancy screen stays not asked.", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoPregnancyPrefetch_IsNotA412_TheScreenStaysNotAsked()
    {
        var request = WithPregnancy("http://loinc.org", "LA26683-5");
        request["prefetch"]!.AsObject().Remove("pregnancy");

        var card = await CardAsync(request);

        Assert.Contains("SCREEN_PREGNANCY_NOT_DONE", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("From the record", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PregnantWhileTheRecordSaysMale_IsRefusedNotDosed()
    {
        var request = WithPregnancy("http://loinc.org", "LA15173-0");
        request["prefetch"]!["patient"]!["gender"] = "male";

        var card = await CardAsync(request);

        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        Assert.StartsWith("Clofarabine: no dose computed", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }
}
