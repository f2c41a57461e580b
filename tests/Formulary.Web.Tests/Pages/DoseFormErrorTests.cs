using System.Text.RegularExpressions;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Pages;

/// <summary>Issue 9.11: each refusal is tied to the input it is about (aria-invalid, aria-describedby), and the summary links to it.</summary>
public sealed partial class DoseFormErrorTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task UnreadableAge_MarksTheAgeInputAndDescribesIt()
    {
        var html = await site.Client.GetStringAsync(new Uri("/composition/clofarabine/dose?ageYears=ten&sex=male&weightKg=32&heightCm=138", UriKind.Relative));

        Assert.Contains("<input id=\"ageYears\" aria-invalid=\"true\" aria-describedby=\"error-age\"", html, StringComparison.Ordinal);
        var message = FieldError().Match(html);
        Assert.Equal("error-age", message.Groups["id"].Value);
        Assert.Contains("ten", message.Groups["text"].Value, StringComparison.Ordinal);
        // Only the field that is wrong is marked.
        Assert.DoesNotContain("<input id=\"weightKg\" aria-invalid", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#ageYears\"><strong>Age (years)</strong></a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EngineRefusesMissingWeight_MarksTheWeightInput()
    {
        var html = await site.Client.GetStringAsync(new Uri(
            "/composition/clofarabine/dose?ageYears=10&sex=male&heightCm=138&scrMgDl=0.5&hepatic=none&pregnant=no&breastfeeding=no&hypersensitivity=no&startDate=2026-03-02",
            UriKind.Relative));

        Assert.Contains("<input id=\"weightKg\" aria-invalid=\"true\" aria-describedby=\"error-weight\"", html, StringComparison.Ordinal);
        Assert.Equal("error-weight", FieldError().Match(html).Groups["id"].Value);
        Assert.DoesNotContain("<input id=\"ageYears\" aria-invalid", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatinineRefused_BothCreatinineInputsPointToOneMessage()
    {
        var html = await site.Client.GetStringAsync(new Uri("/composition/clofarabine/dose?ageYears=10&scrMgDl=0,5", UriKind.Relative));

        Assert.Contains("<input id=\"scrMgDl\" aria-invalid=\"true\" aria-describedby=\"error-creatinine\"", html, StringComparison.Ordinal);
        Assert.Contains("<input id=\"scrUmolL\" aria-invalid=\"true\" aria-describedby=\"error-creatinine\"", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "id=\"error-creatinine\""));
    }

    [Fact]
    public async Task AgeGivenTwice_RefusedByNameNotReadAsANumberWithAComma()
    {
        // ?ageYears=10&ageYears=11 was joined to "10,11" and refused for its comma: safe, but the reason was wrong.
        var html = await site.Client.GetStringAsync(new Uri("/composition/clofarabine/dose?ageYears=10&ageYears=11&sex=male&weightKg=32&heightCm=138&scrMgDl=0.5", UriKind.Relative));

        Assert.Contains("<input id=\"ageYears\" aria-invalid=\"true\" aria-describedby=\"error-age\"", html, StringComparison.Ordinal);
        var message = FieldError().Match(html);
        Assert.Equal("error-age", message.Groups["id"].Value);
        Assert.Contains("is given more than once", message.Groups["text"].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("comma", message.Groups["text"].Value, StringComparison.Ordinal);
        Assert.Contains("Not calculated", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormulaGivenTwice_NoInputOfItsOwn_StillRefusedNotDefaulted()
    {
        var html = await site.Client.GetStringAsync(new Uri("/composition/clofarabine/dose?ageYears=10&sex=male&weightKg=32&heightCm=138&scrMgDl=0.5&bsaFormula=mosteller&bsaFormula=haycock", UriKind.Relative));

        Assert.Contains("Not calculated", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyForm_MarksNothing()
    {
        var html = await site.Client.GetStringAsync(new Uri("/composition/clofarabine/", UriKind.Relative));

        Assert.DoesNotContain("aria-invalid", html, StringComparison.Ordinal);
        Assert.DoesNotContain("field-error", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<p class=\"field-error\" id=\"(?<id>[^\"]+)\">(?<text>[^<]*)</p>")]
    private static partial Regex FieldError();
}
