using Formulary.Monographs.Diagnostics;

namespace Formulary.Monographs.Tests.Lint;

public sealed class BodyLintTests
{
    private const string AllSections =
        "## Usage\n\nU.\n\n## Alternate Names\n\nA.\n\n## How It Works\n\nH.\n\n## Dosage\n\nD.\n\n## Side Effects\n\nS.\n\n" +
        "## Contraindications\n\nNone known.\n\n## Drug Interactions\n\nI.\n\n## Pregnancy and Breastfeeding\n\nP.\n\n" +
        "## Drug Profile Summary\n\nDPS.\n\n## Popular Combinations\n\nPC.\n\n## Precautions\n\nPr.\n\n## FAQs\n\nF.\n";

    [Fact]
    public void EmptyBody_FrontMatterOnly_Mono032AtLineAfterFence()
    {
        var monograph = Parse.Text("---\ntitle: X\ndescription: d\n---\n");
        Assert.Equal([(5, 1)], monograph.Spans(DiagnosticCodes.EmptyBody));
        Assert.False(monograph.Has(DiagnosticCodes.MissingStandardSection));
    }

    [Fact]
    public void EmptyBody_WhitespaceBody_Mono032()
    {
        var monograph = Parse.Text("---\ntitle: X\n---\n\n   \n");
        Assert.Equal([(4, 1)], monograph.Spans(DiagnosticCodes.EmptyBody));
    }

    [Fact]
    public void MissingSections_SomeAbsent_Mono033AtBodyStart()
    {
        var monograph = Parse.Text("---\ntitle: X\n---\n## Usage\n\nText.\n");
        Assert.Equal([(4, 1)], monograph.Spans(DiagnosticCodes.MissingStandardSection));
    }

    [Fact]
    public void MissingSections_AllPresent_NoMono033()
    {
        var monograph = Parse.Text("---\ntitle: X\n---\n" + AllSections);
        Assert.False(monograph.Has(DiagnosticCodes.MissingStandardSection));
    }

    [Fact]
    public void MissingSections_Medicine_NotRequired()
    {
        var monograph = Parse.Text("---\ntitle: X\ngeneric_slug: x\n---\nA brand.\n", Collection.Medicine);
        Assert.False(monograph.Has(DiagnosticCodes.MissingStandardSection));
    }

    [Fact]
    public void InlineHtml_BlockAndInline_Mono034AtEachTag()
    {
        var monograph = Parse.Text("---\ntitle: X\n---\n## Usage\n\nSome <span style=\"x\">text</span>.\n\n<div>\nblock\n</div>\n");
        Assert.Equal([(6, 6), (6, 26), (8, 1)], monograph.Spans(DiagnosticCodes.InlineHtml));
    }

    [Fact]
    public void InlineHtml_ManyTags_CappedPerFile()
    {
        var body = string.Concat(Enumerable.Repeat("a <b>x</b>\n\n", 30));
        var monograph = Parse.Text("---\ntitle: X\n---\n" + body);
        Assert.Equal(10, monograph.Spans(DiagnosticCodes.InlineHtml).Count());
    }

    [Fact]
    public void MarkdownTooDeep_NestedQuotes_Mono035AtBodyStartAndFrontMatterKept()
    {
        var monograph = Parse.Text("---\ntitle: Deep\n---\n" + new string('>', 5000) + " x\n");
        Assert.Equal([(4, 1)], monograph.Spans(DiagnosticCodes.MarkdownTooDeep));
        Assert.Equal("Deep", monograph.Title);
    }
}
