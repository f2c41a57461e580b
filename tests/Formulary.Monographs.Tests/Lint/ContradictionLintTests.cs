using Formulary.Monographs.Diagnostics;

namespace Formulary.Monographs.Tests.Lint;

public sealed class ContradictionLintTests
{
    [Fact]
    public void Seed_Pregnancy_Mono050AtContraindicationsNamingSummaryAndFaq()
    {
        var diagnostic = Parse.Seed().Single(DiagnosticCodes.ContraindicationContradiction);
        Assert.Equal((168, 1), (diagnostic.Line, diagnostic.Column));
        Assert.Equal([185, 187, 232], diagnostic.Related.Select(r => r.Line));
        Assert.Contains("pregnancy", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SectionsAgree_NoMono050()
    {
        var monograph = Parse.Text(
            "---\ntitle: X\n---\n## Contraindications\n\nPregnancy, hypersensitivity.\n\n## Drug Profile Summary\n\n" +
            "* **Contraindications:** Hypersensitivity, pregnancy.\n");
        Assert.False(monograph.Has(DiagnosticCodes.ContraindicationContradiction));
    }

    [Fact]
    public void SummaryOmitsWhatSectionLists_Mono050AtSummaryItem()
    {
        var monograph = Parse.Text(
            "---\ntitle: X\n---\n## Contraindications\n\nSevere hepatic impairment.\n\n## Drug Profile Summary\n\n" +
            "* **Dosage:** 5 mg.\n* **Contraindications:** Hypersensitivity.\n");
        var diagnostics = monograph.Diagnostics.Where(d => d.Code == DiagnosticCodes.ContraindicationContradiction.Code).ToList();
        Assert.Equal([(4, 1), (11, 1)], diagnostics.Select(d => (d.Line, d.Column)));
        Assert.Equal([11], diagnostics[0].Related.Select(r => r.Line));
        Assert.Equal([4], diagnostics[1].Related.Select(r => r.Line));
    }

    [Fact]
    public void FaqSaysNotContraindicated_NotCounted()
    {
        var monograph = Parse.Text(
            "---\ntitle: X\nfaqs:\n  - q: Can it be used in pregnancy?\n    a: It is not contraindicated in pregnancy.\n---\n" +
            "## Contraindications\n\nHypersensitivity.\n");
        Assert.False(monograph.Has(DiagnosticCodes.ContraindicationContradiction));
    }
}
