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
    private const string TenYearOld =
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

        // √(138 × 32 / 3600) = 1.10755 m²; 52 × 1.10755 = 57.59 mg → 57.6 mg; × 5 days = 288.0 mg.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", answer.GetProperty("status").GetString());
        Assert.Equal(1.11m, Math.Round(answer.GetProperty("bsaM2").GetDecimal(), 2));
        Assert.Equal(57.6m, answer.GetProperty("dosePerDayMg").GetDecimal());
        Assert.Equal(5, answer.GetProperty("days").GetInt32());
        Assert.Equal(288.0m, answer.GetProperty("cycleTotalMg").GetDecimal());
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
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "weightKg");
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
}
