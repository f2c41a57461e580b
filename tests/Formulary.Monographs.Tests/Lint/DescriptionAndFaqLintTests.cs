using Formulary.Monographs.Diagnostics;

namespace Formulary.Monographs.Tests.Lint;

public sealed class DescriptionAndFaqLintTests
{
    [Fact]
    public void Seed_TruncatedDescription_Mono031AtDescriptionValue()
    {
        Assert.Equal([(3, 14)], Parse.Seed().Spans(DiagnosticCodes.DescriptionTruncated));
    }

    [Fact]
    public void Seed_BrokenFaqs_Mono030AtEachQuestionValue()
    {
        Assert.Equal([(12, 8), (24, 8), (35, 8), (44, 8), (53, 8), (62, 8), (71, 8), (82, 8), (91, 8)],
            Parse.Seed().Spans(DiagnosticCodes.BrokenFaqRepaired));
    }

    [Fact]
    public void CleanFaq_NoMono030()
    {
        var monograph = Parse.Text("---\ntitle: X\nfaqs:\n  - q: Is it safe?\n    a: Mostly.\n---\nBody.\n");
        Assert.False(monograph.Has(DiagnosticCodes.BrokenFaqRepaired));
        Assert.False(Assert.Single(monograph.Faqs).WasRepaired);
    }

    [Fact]
    public void EmptyDescription_WithUsage_Mono036AtValueAndDerived()
    {
        var monograph = Parse.Text("---\ntitle: X\ndescription: ''\n---\n## Usage\n\nTreats things. More.\n\nSecond paragraph.\n");
        Assert.Equal([(3, 14)], monograph.Spans(DiagnosticCodes.DescriptionEmpty));
        Assert.Equal("Treats things. More.", monograph.Description.Full);
        Assert.Equal(string.Empty, monograph.Description.Original);
    }

    [Fact]
    public void DescriptionEndingWithFullWordAndPeriod_NotTruncated()
    {
        var monograph = Parse.Text("---\ntitle: X\ndescription: Treats things.\n---\n## Usage\n\nTreats things. More.\n");
        Assert.False(monograph.Description.IsTruncated);
        Assert.False(monograph.Has(DiagnosticCodes.DescriptionTruncated));
    }
}
