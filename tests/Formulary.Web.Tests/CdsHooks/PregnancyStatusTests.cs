using System.Text.Json;
using System.Text.Json.Nodes;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// The record's pregnancy status (LOINC 82810-3) read into the pregnancy screen over real HTTP. The base is the
/// vector 01-child (a 10-year-old girl: the screen applies from 8 years; 55.1 mg/day, worked there) with a
/// <c>pregnancy</c> prefetch; today is 2026-03-02 (09:00 UTC). Only a current yes or no answers the screen; anything else
/// leaves it "not asked" (SCREEN_PREGNANCY_NOT_DONE), is at least a warning that names the Observation and says why, and
/// is critical when the unused answer says pregnant.
/// </summary>
public sealed class PregnancyStatusTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static JsonObject WithPregnancy(string? system, string? code, string date = "2026-03-01", string status = "final", string? text = null)
    {
        var request = CdsCall.Vector("01-child");
        var observation = new JsonObject
        {
            ["resourceType"] = "Observation",
            ["id"] = "pregnancy-1",
            ["status"] = status,
            ["code"] = JsonNode.Parse("""{"coding":[{"system":"http://loinc.org","code":"82810-3","display":"Pregnancy status"}]}"""),
            ["subject"] = new JsonObject { ["reference"] = "Patient/child-1" },
            ["effectiveDateTime"] = date,
        };
        if (code is not null || text is not null)
        {
            var value = new JsonObject();
            if (code is not null)
            {
                var coding = new JsonObject { ["code"] = code };
                if (system is not null)
                {
                    coding["system"] = system;
                }

                value["coding"] = new JsonArray(coding);
            }

            if (text is not null)
            {
                value["text"] = text;
            }

            observation["valueCodeableConcept"] = value;
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

    private Task<JsonElement> CardAsync(JsonObject request) => CdsCall.CardAsync(site.Client, request);

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
    public async Task AnswerThatCannotBeUsed_IsAWarningThatNamesTheObservation_AndSaysWhy(string? system, string? code, string date, string status, string expected)
    {
        var card = await CardAsync(WithPregnancy(system, code, date, status));

        var detail = card.GetProperty("detail").GetString()!;
        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        Assert.Equal("Pregnancy status in the record not used: ask. Clofarabine: 55.1 mg/day IV for 5 days (52 mg/m² × 1.06 m²)", card.GetProperty("summary").GetString());
        Assert.StartsWith("**The record's pregnancy status was not used**", detail, StringComparison.Ordinal);
        Assert.Contains("SCREEN_PREGNANCY_NOT_DONE", detail, StringComparison.Ordinal);
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.Contains($"The record holds: Observation 'pregnancy-1': LOINC 82810-3 (Pregnancy status), status '{status}', dated {date}, answer ", detail, StringComparison.Ordinal);
        Assert.Contains("The pregnancy screen stays not asked: ask, or record a current answer.", detail, StringComparison.Ordinal);
    }

    /// <summary>
    /// A "pregnant" answer refused for its form (status, codes, date) may well be true, and pregnancy contraindicates
    /// clofarabine: the card is critical, says so first, and offers no one-click dose change (the order of 80 mg differs).
    /// </summary>
    [Theory]
    [InlineData("http://loinc.org", "LA15173-0", null, "82810-3", "preliminary", "2026-03-01", "status 'preliminary'", "answer LOINC LA15173-0 (pregnant)")]
    [InlineData(null, null, "Pregnant", "82810-3", "final", "2026-03-01", "answers 'Pregnant'", "answer text 'Pregnant'")]
    [InlineData(null, "LA15173-0", null, "82810-3", "final", "2026-03-01", "not one of the LOINC", "answer no system LA15173-0")]
    [InlineData("http://loinc.org", "LA15173-0", null, "11449-6", "final", "2026-03-01", "is not coded LOINC 82810-3", "LOINC 11449-6 (Pregnancy status), status 'final'")]
    [InlineData("http://loinc.org", "LA15173-0", null, "82810-3", "final", "2026-03-02T17:30:00Z", "after now (2026-03-02T09:00:00Z)", "answer LOINC LA15173-0 (pregnant)")]
    [InlineData("http://snomed.info/sct", "999999", "possibly pregnant", "82810-3", "registered", "2026-03-01", "status 'registered'", "text 'possibly pregnant'")]
    public async Task PregnantAnswerThatCannotBeUsed_IsCritical_AndOffersNoDoseChange(string? system, string? code, string? text, string loinc, string status, string date, string why, string holds)
    {
        var request = WithPregnancy(system, code, date, status, text);
        var observation = request["prefetch"]!["pregnancy"]!["entry"]![0]!["resource"]!;
        observation["code"]!["coding"]![0]!["code"] = loinc;
        request["context"]!["draftOrders"]!["entry"]![0]!["resource"]!["dosageInstruction"]![0]!["doseAndRate"]![0]!["doseQuantity"]!["value"] = 80;

        var card = await CardAsync(request);

        var detail = card.GetProperty("detail").GetString()!;
        Assert.Equal("critical", card.GetProperty("indicator").GetString());
        Assert.Equal("Clofarabine may be contraindicated: the record may say pregnant (not usable as recorded); confirm before ordering.", card.GetProperty("summary").GetString());
        Assert.StartsWith("**The record may say pregnant, and pregnancy contraindicates this drug**", detail, StringComparison.Ordinal);
        Assert.Contains(why, detail, StringComparison.Ordinal);
        Assert.Contains(holds, detail, StringComparison.Ordinal);
        Assert.Contains("the record may say pregnant; confirm it before ordering", detail, StringComparison.Ordinal);
        Assert.False(card.TryGetProperty("suggestions", out var suggestions) && suggestions.ValueKind == JsonValueKind.Array);
        Assert.NotEmpty(card.GetProperty("overrideReasons").EnumerateArray());
    }

    [Theory]
    [InlineData("http://loinc.org", "LA15173-0", null, "2025-05-01", "305 days ago; it is used within 280 days")]
    [InlineData(null, null, "Not pregnant", "2026-03-01", "answers 'Not pregnant'")]
    [InlineData(null, null, "non-pregnant", "2026-03-01", "answers 'non-pregnant'")]
    public async Task AnswerThatDoesNotSayPregnantNow_IsAWarningNotCritical(string? system, string? code, string? text, string date, string why)
    {
        var card = await CardAsync(WithPregnancy(system, code, date, "final", text));

        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        Assert.StartsWith("Pregnancy status in the record not used: ask.", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains(why, card.GetProperty("detail").GetString(), StringComparison.Ordinal);
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
