using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Api;

/// <summary>
/// The dose API over HTTP. Expected numbers are worked by hand from the seed's rule (52 mg/m² daily
/// × 5 days, every 2–6 weeks) and Mosteller's formula, BSA = √(height cm × weight kg / 3600).
/// </summary>
public sealed class DoseApiTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    /// <summary>A dose request for a ten-year-old boy (also sent by other site tests).</summary>
    internal const string TenYearOld =
        "{\"drug\":\"clofarabine\",\"ageYears\":10,\"sex\":\"male\",\"weightKg\":32,\"heightCm\":138,\"scrMgDl\":0.5,\"startDate\":\"2026-03-02\"}";

    private async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> PostAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await site.Client.PostAsync(new Uri(path, UriKind.Relative), content);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Dose_TenYearOld_ReturnsHandComputedDoseWithTraceAndCalendar()
    {
        var (status, answer, _) = await PostAsync("/api/dose", TenYearOld);

        // √(138 × 32 / 3600) = 1.10755 → 1.11 m²; 52 × 1.11 = 57.72 mg → 57.7 mg; × 5 days = 288.5 mg.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", answer.GetProperty("status").GetString());
        Assert.Equal(1.11m, answer.GetProperty("bsaM2").GetDecimal());
        Assert.Equal(57.7m, answer.GetProperty("dosePerDayMg").GetDecimal());
        Assert.Equal(57.72m, answer.GetProperty("calculatedDoseMg").GetDecimal());
        Assert.Equal(57.7m, answer.GetProperty("roundedDoseMg").GetDecimal());
        Assert.Equal(5, answer.GetProperty("days").GetInt32());
        Assert.Equal(288.5m, answer.GetProperty("cycleTotalMg").GetDecimal());
        Assert.Equal(
            ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"],
            answer.GetProperty("cycleDays").EnumerateArray().Select(d => d.GetProperty("date").GetString()!).ToArray());
        Assert.Equal("2026-03-16", answer.GetProperty("nextCycle").GetProperty("earliest").GetString());
        Assert.Equal("2026-04-13", answer.GetProperty("nextCycle").GetProperty("latest").GetString());
        Assert.True(answer.GetProperty("trace").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Dose_NegativeWeight_Returns422ProblemNamingTheField()
    {
        var (status, problem, mediaType) = await PostAsync("/api/dose", TenYearOld.Replace("\"weightKg\":32", "\"weightKg\":-4", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal("/problems/input-refused", problem.GetProperty("type").GetString());
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "weight" && e.GetProperty("property").GetString() == "weightKg");
        Assert.Equal("refused", problem.GetProperty("answer").GetProperty("status").GetString());
        Assert.False(problem.GetProperty("answer").TryGetProperty("dosePerDayMg", out var dose) && dose.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task Check_Breastfeeding_ReturnsContraindicatedAnswerWithoutDose()
    {
        var (status, answer, _) = await PostAsync("/api/check", TenYearOld.Replace("\"sex\":\"male\"", "\"sex\":\"female\",\"breastfeeding\":true", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("contraindicated", answer.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("dosePerDayMg").ValueKind);
        Assert.Contains(answer.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("severity").GetString() == "critical");
    }

    [Theory]
    // the trap: "pregnancy" (the field is "pregnant") must not be ignored
    [InlineData("\"pregnancy\":true", "/problems/unknown-property", "pregnancy")]
    [InlineData("\"WeightKg\":32", "/problems/unknown-property", "WeightKg")]
    [InlineData("\"weightKg\":70", "/problems/duplicate-property", "weightKg")]
    // real types: a number as a string, a comma, an unknown word, an integer for an enumeration, a bad date
    [InlineData("\"ageYears\":\"10,5\"", "/problems/malformed-json", "ageYears")]
    [InlineData("\"scrUlnMgDl\":\"0.7\"", "/problems/malformed-json", "scrUlnMgDl")]
    [InlineData("\"hepatic\":\"a bit\"", "/problems/malformed-json", "hepatic")]
    [InlineData("\"bsaFormula\":2", "/problems/malformed-json", "bsaFormula")]
    [InlineData("\"scrMeasuredOn\":\"02/03/2026\"", "/problems/malformed-json", "scrMeasuredOn")]
    [InlineData("\"breastfeeding\":\"no\"", "/problems/malformed-json", "breastfeeding")]
    public async Task Dose_UnknownDuplicateOrMistypedProperty_400NamingIt(string extra, string type, string property)
    {
        var existing = "\"" + property + "\":";
        var body = extra.StartsWith(existing, StringComparison.Ordinal) && TenYearOld.Contains(existing, StringComparison.Ordinal) && !type.EndsWith("duplicate-property", StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Replace(TenYearOld, System.Text.RegularExpressions.Regex.Escape(existing) + "[^,}]*", extra.Replace("$", "$$", StringComparison.Ordinal))
            : TenYearOld.Replace("}", "," + extra + "}", StringComparison.Ordinal);
        var (status, problem, mediaType) = await PostAsync("/api/dose", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal(property, problem.GetProperty("property").GetString());
        Assert.Contains(property, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dose_EightYearOldNoUln_ContraindicatedByReferenceUln()
    {
        // Pottel Q = 0.0270 × 8 + 0.2329 = 0.4489; ULN 1.33 × 0.4489 = 0.597 → 0.60; 1.2 / 0.60 = 2.00 ≥ 2
        var (status, answer, _) = await PostAsync("/api/dose",
            "{\"drug\":\"clofarabine\",\"ageYears\":8,\"sex\":\"female\",\"weightKg\":26,\"heightCm\":128,\"scrMgDl\":1.2,\"startDate\":\"2026-03-02\"}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("contraindicated", answer.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("dosePerDayMg").ValueKind);
    }

    [Fact]
    public async Task Dose_Infant_WithheldWithoutDose()
    {
        var (status, answer, _) = await PostAsync("/api/dose",
            "{\"drug\":\"clofarabine\",\"ageYears\":0.5,\"sex\":\"female\",\"weightKg\":7.5,\"heightCm\":66,\"scrMgDl\":0.3,\"scrUlnMgDl\":0.4}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("withheld", answer.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("dosePerDayMg").ValueKind);
        Assert.Contains(answer.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("code").GetString() == "AGE_NOT_ESTABLISHED" && a.GetProperty("severity").GetString() == "critical");
    }

    [Fact]
    public async Task Dose_PregnancyNotGiven_WarnsScreenNotDone()
    {
        var (_, answer, _) = await PostAsync("/api/dose",
            "{\"drug\":\"clofarabine\",\"ageYears\":17,\"sex\":\"female\",\"weightKg\":55,\"heightCm\":163,\"scrMgDl\":0.7,\"breastfeeding\":false,\"hypersensitivity\":false,\"hepatic\":\"none\"}");

        var codes = answer.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Contains("SCREEN_PREGNANCY_NOT_DONE", codes);
        Assert.DoesNotContain("SCREEN_BREASTFEEDING_NOT_DONE", codes);
    }

    [Fact]
    public async Task Dose_RoundingIncrementTiny_422NeverA500()
    {
        var (status, problem, _) = await PostAsync("/api/dose", TenYearOld.Replace("}", ",\"doseRoundingMg\":1e-28}", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("property").GetString() == "doseRoundingMg");
    }
}
