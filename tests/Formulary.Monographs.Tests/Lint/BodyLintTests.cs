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

    [Fact]
    public void ManyEmphasisSpansInOneParagraph_BeyondMarkdigsLimit_Mono035SaysSoAndKeepsTheFrontMatter()
    {
        // Not nested in the text: Markdig's own limit, met by its processing of 10,000 delimiter pairs in one paragraph.
        var monograph = Parse.Text("---\ntitle: Spans\n---\n## Usage\n" + string.Concat(Enumerable.Repeat("*a* ", 10_000)) + "\n");
        var diagnostic = monograph.Diagnostics.Single(d => d.Code == DiagnosticCodes.MarkdownTooDeep.Code);
        Assert.Contains("many thousands of emphasis or link spans in one paragraph", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("Spans", monograph.Title);
    }

    [Theory]
    [InlineData("<!-- editor note: verify")]
    [InlineData("<textarea>")]
    [InlineData("<script>")]
    public void UnclosedHtmlBlock_HidesHeadings_Mono039AtItsOpening(string opening)
    {
        var monograph = Parse.Text("---\ntitle: X\n---\n## Usage\n\nUsed.\n\n" + opening + "\n\n## Dosage\n\n500 mg.\n\n## Contraindications\n\nNone.\n");
        Assert.Equal([(8, 1)], monograph.Spans(DiagnosticCodes.UnclosedHtmlHidesSections));
        Assert.False(monograph.Has(DiagnosticCodes.UnclosedHtml));
        Assert.Equal("usage", Assert.Single(monograph.Sections).Key);
    }

    [Theory]
    [InlineData("Dosage\n------", "'Dosage' (10)")]
    [InlineData("**Dosage:**\n======", "'Dosage' (10)")]
    [InlineData("Dosage\n   ---   ", "'Dosage' (10)")]
    public void UnclosedComment_HidesASetextHeading_Mono039NamingIt(string heading, string named)
    {
        var monograph = Parse.Text("---\ntitle: X\n---\n## Usage\n\nUsed.\n\n<!-- note\n\n" + heading + "\n\n500 mg.\n");
        Assert.Equal([(8, 1)], monograph.Spans(DiagnosticCodes.UnclosedHtmlHidesSections));
        Assert.Contains("the sections under " + named, monograph.Diagnostics.Single(d => d.Code == DiagnosticCodes.UnclosedHtmlHidesSections.Code).Message, StringComparison.Ordinal);
        Assert.False(monograph.Has(DiagnosticCodes.UnclosedHtml));
    }

    [Theory]
    [InlineData("more text\n\n---\n\nafter a thematic break")]
    [InlineData("---")]
    [InlineData("====\n----")]
    public void UnclosedComment_OverAThematicBreakOrLinesOfMarks_HidesNoHeading_Mono038(string hidden)
    {
        var monograph = Parse.Text("---\ntitle: X\n---\n## Usage\n\nUsed.\n\n<!-- note\n" + hidden + "\n");
        Assert.Equal([(8, 1)], monograph.Spans(DiagnosticCodes.UnclosedHtml));
        Assert.False(monograph.Has(DiagnosticCodes.UnclosedHtmlHidesSections));
    }

    [Fact]
    public void UnclosedHtmlBlock_NoHeadingAfter_Mono038()
    {
        var monograph = Parse.Text("---\ntitle: X\n---\n## Usage\n\nUsed.\n\n<!-- note\n\nmore text\n");
        Assert.Equal([(8, 1)], monograph.Spans(DiagnosticCodes.UnclosedHtml));
        Assert.False(monograph.Has(DiagnosticCodes.UnclosedHtmlHidesSections));
    }

    [Theory]
    [InlineData("<!-- note -->")]
    [InlineData("<!-- note\nstill the note -->")]
    [InlineData("<style>\np { }\n</style>")]
    [InlineData("<pre>\ncode\n</PRE>")]
    [InlineData("<div>\n<style>p { }</style>\n</div>")]
    public void ClosedHtmlBlock_NoMono038Or039(string html)
    {
        var monograph = Parse.Text("---\ntitle: X\n---\n## Usage\n\n" + html + "\n\n## Dosage\n\n500 mg.\n");
        Assert.False(monograph.Has(DiagnosticCodes.UnclosedHtml));
        Assert.False(monograph.Has(DiagnosticCodes.UnclosedHtmlHidesSections));
        Assert.Equal(["usage", "dosage"], monograph.Sections.Select(s => s.Key));
    }

    [Fact]
    public void UnclosedInlineRawText_StyleInParagraph_Mono038AtTheTag()
    {
        var monograph = Parse.Text("---\ntitle: X\n---\n## Usage\n\nUsed for pain, see <style> note.\n\nSecond paragraph.\n\n## Dosage\n\n500 mg <b>x</b>.\n");
        Assert.Equal([(6, 20)], monograph.Spans(DiagnosticCodes.UnclosedHtml));
        Assert.Equal(["usage", "dosage"], monograph.Sections.Select(s => s.Key));
    }

    [Fact]
    public void UnclosedRawText_InsideDivBlock_Mono038AtTheTag()
    {
        var monograph = Parse.Text("---\ntitle: X\n---\n## Usage\n\n<div>\n  <style>\n</div>\n\nHidden.\n\n## Dosage\n\n500 mg.\n");
        Assert.Equal([(7, 3)], monograph.Spans(DiagnosticCodes.UnclosedHtml));
    }

    [Fact]
    public void InlineRawText_ClosedInALaterParagraph_NoMono038()
    {
        var monograph = Parse.Text("---\ntitle: X\n---\n## Usage\n\nSee <script>x\n\nstill</script> here.\n");
        Assert.False(monograph.Has(DiagnosticCodes.UnclosedHtml));
    }

    [Fact]
    public void UnclosedInlineRawText_ManyInOneSection_ReportedOnce()
    {
        var body = string.Concat(Enumerable.Repeat("a <textarea> b\n\n", 1000));
        var monograph = Parse.Text("---\ntitle: X\n---\n## Usage\n\n" + body);
        Assert.Equal([(6, 3)], monograph.Spans(DiagnosticCodes.UnclosedHtml));
    }
}
