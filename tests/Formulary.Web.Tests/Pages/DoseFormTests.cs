using System.Net;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Pages;

public sealed class DoseFormTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private async Task<(HttpStatusCode Status, string Html)> SubmitAsync(params (string Name, string Value)[] fields)
    {
        using var form = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var response = await site.Client.PostAsync(new Uri("/composition/clofarabine/dose", UriKind.Relative), form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

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
        var (status, html) = await SubmitAsync(("ageYears", "10"), ("sex", "male"), ("weightKg", "32"), ("heightCm", "138"), ("scrMgDl", "0.5"), ("startDate", "2026-03-02"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("57.6 mg per day × 5 days", html, StringComparison.Ordinal);
        Assert.Contains("<ol class=\"trace\" id=\"dose-trace\">", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Day 1</strong><br>Mon 2 Mar 2026", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#dosage-standard-dosage-special-cases\">Dosage > Special Cases</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"dosage-standard-dosage-special-cases\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"32\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoseForm_NotANumber_IsRefusedWithoutDose()
    {
        var (status, html) = await SubmitAsync(("ageYears", "10"), ("sex", "male"), ("weightKg", "32kg"), ("heightCm", "138"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<code>weightKg</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mg per day", html, StringComparison.Ordinal);
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
