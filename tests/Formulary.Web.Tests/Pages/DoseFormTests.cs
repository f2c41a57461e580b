using System.Net;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Pages;

public sealed class DoseFormTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private Task<(HttpStatusCode Status, string Html)> SubmitAsync(params (string Name, string Value)[] fields) => SubmitAsync("clofarabine", fields);

    private async Task<(HttpStatusCode Status, string Html)> SubmitAsync(string slug, params (string Name, string Value)[] fields)
    {
        using var form = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var response = await site.Client.PostAsync(new Uri($"/composition/{slug}/dose", UriKind.Relative), form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Every screen answered "no" and hepatic impairment "none", as a careful prescriber fills the form.</summary>
    private static readonly (string Name, string Value)[] Answered = [("pregnant", "no"), ("breastfeeding", "no"), ("hypersensitivity", "no"), ("hepatic", "none")];

    [Fact]
    public async Task SeedPage_WithRules_OffersDoseForm()
    {
        var html = await site.Client.GetStringAsync(new Uri("/composition/clofarabine/", UriKind.Relative));
        var noRules = await site.Client.GetStringAsync(new Uri("/composition/methotrexate/", UriKind.Relative));

        Assert.Contains("<form class=\"dose-form\" method=\"post\" action=\"/composition/clofarabine/dose#dose-answer\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("dose-form", noRules, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoseForm_TenYearOld_ShowsDoseTraceCalendarAndCitationLinks()
    {
        var (status, html) = await SubmitAsync([.. Answered, ("ageYears", "10"), ("sex", "male"), ("weightKg", "32"), ("heightCm", "138"), ("scrMgDl", "0.5"), ("startDate", "2026-03-02"), ("scrUlnMgDl", "0.7"), ("medications", "gentamicin")]);

        // 52 × 1.11 = 57.72 → 57.7 mg
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("57.7 mg per day × 5 days", html, StringComparison.Ordinal);
        Assert.Contains("1.11 m²", html, StringComparison.Ordinal);
        // Schwartz 0.413 × 138 / 0.5 = 113.988 → 114.0, to the 0.1 the bands are decided at (the page showed "114")
        Assert.Contains("<dt>Bedside Schwartz</dt><dd>114.0 mL/min/1.73 m²</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<ol class=\"trace\" id=\"dose-trace\">", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Day 1</strong><br>Mon 2 Mar 2026", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#drug-interactions\">Drug Interactions</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"drug-interactions\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"32\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
    }

    /// <summary>Issue 10: a sample drug's general regimens computed on its page, one table row per regimen, each cited.</summary>
    [Fact]
    public async Task DoseForm_ParacetamolChild_RegimenTableWithMaximaAndCitation()
    {
        var (status, html) = await SubmitAsync("paracetamol", [.. Answered, ("ageYears", "8"), ("sex", "female"), ("weightKg", "25"), ("heightCm", "128"), ("scrMgDl", "0.5")]);

        Assert.Equal(HttpStatusCode.OK, status);
        var row = html[html.IndexOf("<tr data-regimen=\"children\">", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        // 15 mg/kg × 25 kg = 375 mg per dose; 4-6 doses a day = 1500-2250 mg, capped at 75 mg/kg/day × 25 = 1875 mg
        Assert.Contains("<td>375 mg</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td>1500-1875 mg</td>", row, StringComparison.Ordinal);
        Assert.Contains("every 4-6 hours", row, StringComparison.Ordinal);
        Assert.Contains("1000 mg per dose; 1875 mg per day", row, StringComparison.Ordinal);
        Assert.Contains("“Under 18 years: 15 mg/kg/dose", row, StringComparison.Ordinal);
        Assert.DoesNotContain("data-regimen=\"adults\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoseForm_NotANumber_IsRefusedWithoutDose()
    {
        var (status, html) = await SubmitAsync(("ageYears", "10"), ("sex", "male"), ("weightKg", "32kg"), ("heightCm", "138"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<strong>Weight (kg)</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mg per day", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ageYears", "10,5", "Age (years)")]
    [InlineData("scrMgDl", "0,5", "Serum creatinine")]
    public async Task DoseForm_DecimalComma_RefusedSayingSo(string field, string value, string label)
    {
        var fields = new Dictionary<string, string> { ["ageYears"] = "10", ["sex"] = "male", ["weightKg"] = "32", ["heightCm"] = "138", ["scrMgDl"] = "0.5" };
        fields[field] = value;

        var (_, html) = await SubmitAsync([.. Answered, .. fields.Select(f => (f.Key, f.Value))]);

        Assert.Contains($"<strong>{label}</strong></a>: '{value}' contains a comma", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mg per day", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoseForm_AsksEveryScreenExplicitly()
    {
        var html = await site.Client.GetStringAsync(new Uri("/composition/clofarabine/", UriKind.Relative));

        foreach (var screen in new[] { "pregnant", "breastfeeding", "hypersensitivity", "hepatic" })
        {
            Assert.Contains($"<select id=\"{screen}\" name=\"{screen}\" required>", html, StringComparison.Ordinal);
        }

        Assert.Contains("<option value=\"not-asked\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoseForm_ScreenNotAsked_WarnsAndWithheldShowsNoDose()
    {
        var (_, warned) = await SubmitAsync(("ageYears", "17"), ("sex", "female"), ("weightKg", "55"), ("heightCm", "163"), ("scrMgDl", "0.7"), ("pregnant", "not-asked"), ("breastfeeding", "no"), ("hypersensitivity", "no"), ("hepatic", "none"));
        var (_, withheld) = await SubmitAsync([.. Answered, ("ageYears", "0.5"), ("sex", "female"), ("weightKg", "7.5"), ("heightCm", "66"), ("scrMgDl", "0.3"), ("scrUlnMgDl", "0.4")]);

        Assert.Contains("data-code=\"SCREEN_PREGNANCY_NOT_DONE\"", warned, StringComparison.Ordinal);
        Assert.Contains("No dose: withheld.", withheld, StringComparison.Ordinal);
        Assert.DoesNotContain("mg per day", withheld, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoseForm_ImplausibleInput_ShowsEngineRefusal()
    {
        var (_, html) = await SubmitAsync(("ageYears", "4"), ("sex", "female"), ("weightKg", "180"), ("heightCm", "100"));

        Assert.Contains("Not calculated: the input was refused.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mg per day", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoseForm_OnDrugWithoutRules_ReturnsNotFound()
    {
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("ageYears", "10")]);
        using var response = await site.Client.PostAsync(new Uri("/composition/methotrexate/dose", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
