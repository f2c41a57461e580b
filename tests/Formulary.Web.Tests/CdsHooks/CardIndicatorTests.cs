using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// A card is as urgent as the most urgent of its findings, on every path an alert reaches a card: a critical alert in a
/// computed answer (a schema-2 regimen the monograph says to avoid), a dose withheld by a rule (schema 1), and a withheld
/// screening beside unusable record data. Each such card is <c>critical</c>, carries override reasons and leads its summary
/// with the critical finding.
/// </summary>
public sealed class CardIndicatorTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    /// <summary>
    /// A 59-year-old man, 70 kg, 175 cm, serum creatinine 4.0 mg/dL: Cockcroft-Gault (140 − 59.x) × 70 / (72 × 4.0) ≈ 19.5 mL/min,
    /// under gentamicin's band "CrCl &lt; 20 mL/min: avoid" (content/compositions/gentamicin.rules.yaml, schema 2).
    /// </summary>
    private static JsonObject GentamicinWithCrClUnder20()
    {
        var request = CdsCall.Vector("01-child");
        CdsCall.Order(request)["medicationCodeableConcept"] = new JsonObject { ["text"] = "Gentamicin" };
        request["prefetch"]!["patient"]!["gender"] = "male";
        request["prefetch"]!["patient"]!["birthDate"] = "1966-06-01";
        CdsCall.Observation(request, "weight")["valueQuantity"]!["value"] = 70;
        CdsCall.Observation(request, "height")["valueQuantity"]!["value"] = 175;
        CdsCall.Observation(request, "creatinine")["valueQuantity"]!["value"] = 4.0m;
        return request;
    }

    /// <summary>
    /// A girl of six months (born 2025-09-01), 7.5 kg, 67 cm: two rules withhold clofarabine's dose, both critical — its safety
    /// is not established under 1 year, and the severe-renal test cannot be done (the reference ULN table starts at 1 year).
    /// </summary>
    private static JsonObject ClofarabineUnderOneYear()
    {
        var request = CdsCall.Vector("01-child");
        request["prefetch"]!["patient"]!["birthDate"] = "2025-09-01";
        CdsCall.Observation(request, "weight")["valueQuantity"]!["value"] = 7.5m;
        CdsCall.Observation(request, "height")["valueQuantity"]!["value"] = 67;
        CdsCall.Observation(request, "creatinine")["valueQuantity"]!["value"] = 0.3m;
        return request;
    }

    /// <summary>Posts the request, asserts its one card is critical with override reasons and a summary starting so; returns the card's detail.</summary>
    private async Task<string> CriticalCardDetailAsync(JsonObject request, string summaryStart)
    {
        var (status, body) = await CdsCall.PostAsync(site.Client, request);

        Assert.Equal(HttpStatusCode.OK, status);
        var card = Assert.Single(CdsCall.Cards(body));
        Assert.Equal("critical", card.GetProperty("indicator").GetString());
        Assert.NotEmpty(card.GetProperty("overrideReasons").EnumerateArray());
        var summary = card.GetProperty("summary").GetString()!;
        Assert.True(summary.StartsWith(summaryStart, StringComparison.Ordinal), summary);
        return card.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task Call_Schema2RegimenTheMonographSaysToAvoid_IsCriticalWithOverrideReasons_AndLeadsWithTheAvoidance()
    {
        var detail = await CriticalCardDetailAsync(GentamicinWithCrClUnder20(), "Gentamicin: The monograph says to avoid adults, once daily here");

        Assert.Contains("- **critical** `REGIMEN_AVOID`", detail, StringComparison.Ordinal);
        Assert.Contains("no dose computed (the alerts below say why)", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("per-dose amount not stated", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_Schema1DoseWithheldByARule_IsCriticalWithOverrideReasons_AndLeadsWithTheRule()
    {
        var detail = await CriticalCardDetailAsync(ClofarabineUnderOneYear(), "Clofarabine: no dose computed: Severe renal impairment (a contraindication) is serum creatinine");

        Assert.Contains("Age 0.5 years: safety and efficacy are not established under 1 year(s)", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_UnusableRecordDataBesideAScreeningThatWithholds_IsCritical_AndLeadsWithTheRuleThenListsTheDataProblem()
    {
        var request = ClofarabineUnderOneYear();
        CdsCall.Observation(request, "weight")["status"] = "preliminary";

        var detail = await CriticalCardDetailAsync(request, "Clofarabine: no dose computed: Severe renal impairment (a contraindication) is serum creatinine");

        Assert.Contains("preliminary", detail, StringComparison.Ordinal);
        Assert.Contains("- **critical** `AGE_NOT_ESTABLISHED`", detail, StringComparison.Ordinal);
        Assert.Contains("- **critical** `RENAL_ULN_UNAVAILABLE`", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_Schema2RegimenComputed_WithoutACriticalAlert_IsNotCritical()
    {
        var request = GentamicinWithCrClUnder20();
        CdsCall.Observation(request, "creatinine")["valueQuantity"]!["value"] = 0.9m;

        var (_, body) = await CdsCall.PostAsync(site.Client, request);

        var card = Assert.Single(CdsCall.Cards(body));
        Assert.NotEqual("critical", card.GetProperty("indicator").GetString());
        Assert.False(card.TryGetProperty("overrideReasons", out _));
        Assert.StartsWith("Gentamicin: ordered ", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }
}
