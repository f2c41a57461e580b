using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Rules;

namespace Formulary.Monographs.Tests.Rules;

public sealed class RulesLoaderTests
{
    [Fact]
    public void Load_ClofarabineRules_EveryCitationVerifiedNoDiagnostics()
    {
        var result = RulesFixtures.LoadClofarabine();

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Profile);
        Assert.True(result.Citations.Count >= 30);
    }

    [Fact]
    public void Load_MonographSentenceChanged_QuoteStaleAtQuoteLine()
    {
        var result = RulesFixtures.ClofarabineAgainstEditedSeed("Reduce the dose by 25%", "Reduce the dose by 20%");

        var stale = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.RuleQuoteStale.Code, stale.Code);
        Assert.Equal(DiagnosticSeverity.Error, stale.Severity);
        Assert.Equal(RulesFixtures.ClofarabineRules, stale.File);
        Assert.Equal(RulesFixtures.LineOf(RulesFixtures.ClofarabineRules, "Reduce the dose by 25% in patients"), stale.Line);
        Assert.Equal(12, stale.Column); // the quoted value after "    quote: "
        Assert.Null(result.Profile);
    }

    [Fact]
    public void Load_SectionRemoved_SectionNotFound()
    {
        var result = RulesFixtures.ClofarabineAgainstEditedSeed("## **Drug Interactions**", "## **Interplay**");

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.RuleSectionNotFound.Code
            && d.Line == RulesFixtures.LineOf(RulesFixtures.ClofarabineRules, "concomitant use of nephrotoxic"));
    }

    [Fact]
    public void Load_QuoteWithOneWordChanged_NeverFuzzyMatched()
    {
        var result = RulesFixtures.ClofarabineWith("Reduce the dose by 25% in patients", "Reduce the dose by 25% in children");

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.RuleQuoteStale.Code);
    }

    [Fact]
    public void Load_QuoteInOtherSection_Stale()
    {
        var result = RulesFixtures.ClofarabineWith("    section: Dosage > Dosage Adjustments\n    quote: \"Reduce", "    section: Usage\n    quote: \"Reduce");

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.RuleQuoteStale.Code);
    }

    [Fact]
    public void Load_QuoteWithDoubleSpaceAndBold_MatchesNormalized()
    {
        // The seed has "52 mg/m²  administered" (two spaces) inside a "#### **Children (1-21 years):**" heading line.
        var result = RulesFixtures.ClofarabineWith("quote: \"52 mg/m² administered", "quote: \"**Children (1-21 years):** 52 mg/m²   administered");

        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("schema: 1\ndrug: [unclosed", "RULE003")]
    [InlineData("- just\n- a list", "RULE003")]
    [InlineData("schema: 1\ndrug: clofarabine\nname: X\nregimens: []\n", "RULE004")]
    [InlineData("schema: 2\ndrug: clofarabine\nregimens: []\n", "RULE004")]
    [InlineData("schema: 1\ndrug: clofarabine\nname: X\nregimens: []\ninteractions:\n  - class: cardiotoxic\n    source: { section: Usage, quote: Clofarabine }\n", "RULE006")]
    [InlineData("schema: 1\ndrug: clofarabine\nname: X\nregimens: []\ntypo: 1\n", "RULE007")]
    public void Load_BadRulesFile_Diagnostic(string yaml, string code)
    {
        var result = RulesLoader.Load(RulesFixtures.ClofarabineRules, yaml, Parse.Seed());

        Assert.Contains(DiagnosticCodes.All, d => d.Code == code);
        Assert.Contains(result.Diagnostics, d => d.Code == code);
        Assert.Null(result.Profile);
    }

    [Fact]
    public void Load_BinaryContent_RefusedNotThrown()
    {
        var result = RulesLoader.Load(RulesFixtures.ClofarabineRules, "schema: 1\0\0\u0001", Parse.Seed());

        Assert.Equal(DiagnosticCodes.RuleFileUnreadable.Code, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Load_AliasBomb_RefusedNotExpanded()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n";

        var result = RulesLoader.Load(RulesFixtures.ClofarabineRules, bomb, Parse.Seed());

        Assert.Equal(DiagnosticCodes.RuleFileUnreadable.Code, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Load_NoMonograph_MonographMissing()
    {
        var result = RulesLoader.Load(RulesFixtures.ClofarabineRules, File.ReadAllText(RulesFixtures.ClofarabineRules), monograph: null);

        Assert.Equal(DiagnosticCodes.RuleMonographMissing.Code, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Load_RxNormCodes_ReadIntoTheProfile()
    {
        // test-only ids: the bundled rules name no RxCUI until an editor checks them against RxNorm
        var result = RulesFixtures.ClofarabineWith("name: Clofarabine\n", "name: Clofarabine\nrxnorm: [\"900001\", \"900002\"]\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["900001", "900002"], result.Profile!.RxNorm);
    }

    [Theory]
    [InlineData("rxnorm: 900001")]
    [InlineData("rxnorm: [\"RX900001\"]")]
    [InlineData("rxnorm: [\"\"]")]
    [InlineData("rxnorm: [{ code: 1 }]")]
    public void Load_RxNormNotAListOfIds_Rule004(string line)
    {
        var result = RulesFixtures.ClofarabineWith("name: Clofarabine\n", "name: Clofarabine\n" + line + "\n");

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.RuleInvalid.Code && d.Message.Contains("rxnorm", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingRequiredField_NamesItAtItsMapping()
    {
        var result = RulesFixtures.ClofarabineWith("    amountMg: 52\n", string.Empty);

        var missing = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.RuleInvalid.Code, missing.Code);
        Assert.Contains("amountMg", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_RuleCodes_RegisteredOnce() =>
        Assert.Equal(9, DiagnosticCodes.All.Count(d => d.Code.StartsWith("RULE", StringComparison.Ordinal)));

    [Fact]
    public void Catalog_BundledContent_HasClofarabineAndNoDiagnostics()
    {
        var catalog = DrugProfileCatalog.Load(RepoPaths.Content);

        Assert.NotNull(catalog.Find("clofarabine"));
        Assert.Empty(catalog.Diagnostics);
    }

    [Fact]
    public void Catalog_StaleRules_ProfileLeftOutWithDiagnostics()
    {
        using var content = new StaleContentFolder();

        var catalog = DrugProfileCatalog.Load(content.Path);

        Assert.Null(catalog.Find("clofarabine"));
        Assert.Contains(catalog.DiagnosticsFor("clofarabine"), d => d.Code == "RULE001");
    }

    [Fact]
    public void ContentLoader_StaleRulesBesideMonograph_LintReportsRule001()
    {
        using var content = new StaleContentFolder();

        var set = new Formulary.Monographs.Loading.ContentLoader().Load(content.Path);

        var stale = Assert.Single(set.AllDiagnostics, d => d.Code == "RULE001");
        Assert.Equal(content.Rules, stale.File);
    }

    [Fact]
    public void ContentLoader_BundledContent_NoRuleDiagnostics() =>
        Assert.DoesNotContain(new Formulary.Monographs.Loading.ContentLoader().Load(RepoPaths.Content).AllDiagnostics, d => d.Code.StartsWith("RULE", StringComparison.Ordinal));

    [Fact]
    public void Load_UnknownInteractionClass_ReportedAtClassValue()
    {
        var result = RulesFixtures.ClofarabineWith("  - class: hepatotoxic", "  - class: cardiotoxic");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.RuleUnknownInteractionClass.Code, diagnostic.Code);
        Assert.Equal((RulesFixtures.LineOf(RulesFixtures.ClofarabineRules, "  - class: hepatotoxic"), 12), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Load_UnknownKey_WarningProfileStillServed()
    {
        var result = RulesFixtures.ClofarabineWith("toxicity:\n  factor: 0.75", "toxicity:\n  factr: 0.5\n  factor: 0.75");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.RuleUnknownKey.Code, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal((RulesFixtures.LineOf(RulesFixtures.ClofarabineRules, "toxicity:") + 1, 3), (diagnostic.Line, diagnostic.Column));
        Assert.NotNull(result.Profile);
    }
}
