using Formulary.Clinical.Dosing;
using Formulary.Clinical.Regimens;
using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Rules;

namespace Formulary.Monographs.Tests.Rules.Samples;

/// <summary>Schema 2 as a content editor meets it: the review gate, numbers checked against quotes, stale quotes.</summary>
public sealed class SchemaTwoLoaderTests
{
    private static string Rules => Path.Combine(RepoPaths.Content, "compositions", "paracetamol.rules.yaml");

    private static string Monograph => Path.Combine(RepoPaths.Content, "compositions", "paracetamol.md");

    private static RulesLoadResult LoadWith(string from, string to, string? monographFrom = null, string? monographTo = null)
    {
        var yaml = File.ReadAllText(Rules);
        Assert.Contains(from, yaml, StringComparison.Ordinal);
        var text = File.ReadAllText(Monograph);
        if (monographFrom is not null)
        {
            Assert.Contains(monographFrom, text, StringComparison.Ordinal);
            text = text.Replace(monographFrom, monographTo, StringComparison.Ordinal);
        }

        return RulesLoader.Load(Rules, yaml.Replace(from, to, StringComparison.Ordinal), Parse.Text(text, path: Monograph));
    }

    [Fact]
    public void Load_BundledSample_ReviewedWithoutDiagnostics()
    {
        var result = LoadWith("schema: 2", "schema: 2");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new RuleReview(ReviewStatus.Reviewed, "Formulary sample editor", new DateOnly(2026, 11, 30)), result.Profile!.Review);
        Assert.Equal(2, result.Profile.Dosing!.Regimens.Count);
        Assert.Equal(2, result.Profile.Dosing.Renal.Count);
    }

    [Fact]
    public void Load_AmountNotInQuote_Rule008AtTheAmount()
    {
        var result = LoadWith("    amount: 15\n", "    amount: 20\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.RuleNumberNotInQuote.Code, diagnostic.Code);
        Assert.Equal(RulesFixtures.LineOf(Rules, "    amount: 15"), diagnostic.Line);
        Assert.Null(result.Profile);
    }

    [Fact]
    public void Load_RenalThresholdNotInQuote_Rule008()
    {
        var result = LoadWith("      min: 10\n      max: 50\n", "      min: 10\n      max: 60\n");

        Assert.Equal(DiagnosticCodes.RuleNumberNotInQuote.Code, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Load_GramsQuotedMilligramsInRule_Accepted()
    {
        // "Maximum single dose: 1 g." is 1000 mg: a unit conversion, not an invented number.
        var result = LoadWith("    maxPerDoseMg: 1000\n", "    maxPerDoseMg: 1000\n");

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.RuleNumberNotInQuote.Code);
    }

    [Fact]
    public void Load_ReviewedQuoteNoLongerInMonograph_Rule001AndNoProfile()
    {
        var result = LoadWith("schema: 2", "schema: 2", "CrCl 10-50 mL/min: give every 6 hours.", "CrCl 10-50 mL/min: give every 8 hours.");

        Assert.Equal(DiagnosticCodes.RuleQuoteStale.Code, Assert.Single(result.Diagnostics).Code);
        Assert.Null(result.Profile);
    }

    [Fact]
    public void Load_Draft_ProfileMarkedDraftWithRule009()
    {
        var result = LoadWith("review: { status: reviewed, by: Formulary sample editor, date: 2026-11-30 }", "review: { status: draft }");

        Assert.Equal(DiagnosticCodes.RuleDraft.Code, Assert.Single(result.Diagnostics).Code);
        Assert.False(result.Profile!.Review.IsReviewed);
    }

    [Theory]
    [InlineData("review: { status: reviewed }")]
    [InlineData("review: { status: reviewed, by: A, date: 30/11/2026 }")]
    [InlineData("review: { status: approved, by: A, date: 2026-11-30 }")]
    [InlineData("")]
    public void Load_ReviewBlockInvalid_Rule004(string review)
    {
        var result = LoadWith("review: { status: reviewed, by: Formulary sample editor, date: 2026-11-30 }", review);

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.RuleInvalid.Code);
        Assert.Null(result.Profile);
    }

    [Fact]
    public void Catalog_DraftFile_NotFoundUnlessDraftsIncludedAndEveryAnswerWarns()
    {
        using var content = new TempContent();
        content.Write("compositions/paracetamol.md", File.ReadAllText(Monograph));
        content.Write("compositions/paracetamol.rules.yaml", File.ReadAllText(Rules).Replace("status: reviewed,", "status: draft,", StringComparison.Ordinal));

        var catalog = DrugProfileCatalog.Load(content.Root);

        Assert.Null(catalog.Find("paracetamol"));
        Assert.Empty(catalog.Profiles);
        Assert.Equal(RulesFileStatus.Draft, Assert.Single(catalog.Files).Status);
        var draft = catalog.Find("paracetamol", includeDrafts: true)!;
        var engine = SampleProfiles.Engine;
        var ok = engine.Dose(new SampleRequest { AgeYears = 8m, Sex = "female", WeightKg = 25m, HeightCm = 128m, ScrMgDl = 0.5m }.ToInput(), draft);
        var refused = engine.Dose(new SampleRequest { AgeYears = 8m, Sex = "female" }.ToInput(), draft);
        Assert.Equal(AlertSeverity.Critical, Assert.Single(ok.Alerts, a => a.Code == AlertCodes.DraftRules).Severity);
        Assert.Equal(AnswerStatus.Refused, refused.Status);
        Assert.Contains(refused.Alerts, a => a.Code == AlertCodes.DraftRules);
    }

    /// <summary>A reviewed rule whose population names a group but no age band must not dose a patient outside the group.</summary>
    [Fact]
    public void Dose_PopulationWithoutAgeBand_NotComputedForTheOtherGroupAndWarnedOtherwise()
    {
        var result = LoadWith("population: { label: adults, ageMin: 18 }", "population: { label: adults }");
        var engine = SampleProfiles.Engine;

        // An 8-year-old: the "children" regimen (under 18) applies; the unbounded "adults" one is not computed for her.
        var child = engine.Dose(new SampleRequest { AgeYears = 8m, Sex = "female", WeightKg = 25m, HeightCm = 128m, ScrMgDl = 0.5m }.ToInput(), result.Profile!);
        Assert.Equal("children", Assert.Single(child.Regimens).Id);
        var warning = Assert.Single(child.Alerts, a => a.Code == AlertCodes.RegimenPopulationUnbounded);
        Assert.Equal(AlertSeverity.Warning, warning.Severity);
        Assert.Contains("not computed for a patient of 8 years", warning.Message, StringComparison.Ordinal);
        Assert.NotNull(warning.Source);

        // A 40-year-old: computed, and told that the rule states no band.
        var adult = engine.Dose(new SampleRequest { AgeYears = 40m, Sex = "male", WeightKg = 80m, HeightCm = 180m, ScrMgDl = 0.9m }.ToInput(), result.Profile!);
        Assert.Equal("adults", Assert.Single(adult.Regimens).Id);
        Assert.Contains(adult.Alerts, a => a.Code == AlertCodes.RegimenPopulationUnbounded && a.Message.Contains("computed for every patient", StringComparison.Ordinal));
    }
}
