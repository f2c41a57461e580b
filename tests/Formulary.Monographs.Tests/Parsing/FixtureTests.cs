using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;

namespace Formulary.Monographs.Tests.Parsing;

/// <summary>One test per shape listed in PRODUCT.md, "What real files in this format look like".</summary>
public sealed class FixtureTests
{
    [Fact]
    public void Headings_BoldPlainColonTrailingText_SameKeysOriginalKept()
    {
        var monograph = Parse.Fixture("headings-variants.md");
        Assert.Equal(["usage", "alternate-names", "contraindications", "precautions", "pregnancy-and-breastfeeding"],
            monograph.Sections.Select(s => s.Key));
        Assert.Equal(["Usage", "Alternate Names", "Contraindications", "Precautions", "Pregnancy & Breastfeeding"],
            monograph.Sections.Select(s => s.Title));
        Assert.Equal("## **Contraindications:**", monograph.Sections[2].OriginalHeading);
        Assert.Equal("## **Precautions**  (See above sections for details)", monograph.Sections[3].OriginalHeading);
        Assert.Equal([5, 9, 13, 17, 23], monograph.Sections.Select(s => s.Line));
        var populations = Assert.Single(monograph.Sections[3].Children);
        Assert.Equal(("specific-populations", 21), (populations.Key, populations.Line));
        Assert.Equal("Use with caution in the elderly.", populations.PlainText);
    }

    [Fact]
    public void Faqs_CleanInFrontMatter_NotRepairedFromFrontMatter()
    {
        var monograph = Parse.Fixture("faqs-clean.md");
        Assert.Equal([("What is Cleanfaqine?", "A fictional drug."), ("How is it taken?", "By mouth, once a day.")],
            monograph.Faqs.Select(f => (f.Question, f.Answer)));
        Assert.All(monograph.Faqs, f => Assert.Equal(FaqOrigin.FrontMatter, f.Origin));
        Assert.False(monograph.Has(DiagnosticCodes.BrokenFaqRepaired));
        Assert.Equal([5, 7], monograph.Faqs.Select(f => f.Line));
    }

    [Fact]
    public void Faqs_NoKeyOnlyBody_ReadFromBodyHeadings()
    {
        var monograph = Parse.Fixture("faqs-body-only.md");
        Assert.Equal([(1, "What is Bodyfaqine?", "A fictional drug.", 11), (2, "How is it taken?", "By mouth.", 15)],
            monograph.Faqs.Select(f => (f.Number, f.Question, f.Answer, f.Line)));
        Assert.All(monograph.Faqs, f => Assert.Equal(FaqOrigin.Body, f.Origin));
    }

    [Fact]
    public void Faqs_BrokenAndPartlyMatched_EachQuestionOnce()
    {
        var monograph = Parse.Fixture("faqs-broken-mixed.md");
        Assert.Equal(
            [("Is Brokenfaqine safe?", "Mostly, with monitoring.", FaqOrigin.FrontMatterAndBody),
             ("Only in the front matter?", "Yes.", FaqOrigin.FrontMatter),
             ("Only in the body?", "Yes, only here.", FaqOrigin.Body)],
            monograph.Faqs.Select(f => (f.Question, f.Answer, f.Origin)));
        Assert.Equal([(5, 8), (12, 8)], monograph.Spans(DiagnosticCodes.BrokenFaqRepaired));
        Assert.Equal(26, monograph.Faqs[0].BodyLine);
    }

    [Fact]
    public void Description_CutMidWord_FullDerivedToEndOfSentence()
    {
        var monograph = Parse.Fixture("description-truncated.md");
        Assert.True(monograph.Description.IsTruncated);
        Assert.EndsWith("det...", monograph.Description.Original, StringComparison.Ordinal);
        Assert.EndsWith("is used only to check that a description cut off mid-word is detected.", monograph.Description.Full, StringComparison.Ordinal);
        Assert.Equal([(3, 14)], monograph.Spans(DiagnosticCodes.DescriptionTruncated));
    }

    [Fact]
    public void TinyFile_EmptyDescriptionAndBody_ParsesWithWarnings()
    {
        var monograph = Parse.Fixture("tiny-empty-body.md");
        Assert.Equal("Tinyamine", monograph.Title);
        Assert.Empty(monograph.Sections);
        Assert.Equal([(5, 1)], monograph.Spans(DiagnosticCodes.EmptyBody));
        Assert.Equal(string.Empty, monograph.Description.Full);
        Assert.DoesNotContain(monograph.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void MissingSections_ListedInOneWarning()
    {
        var monograph = Parse.Fixture("missing-sections.md");
        var diagnostic = monograph.Single(DiagnosticCodes.MissingStandardSection);
        Assert.Equal((5, 1), (diagnostic.Line, diagnostic.Column));
        Assert.Equal(["usage", "dosage"], monograph.Sections.Select(s => s.Key));
    }

    [Fact]
    public void HtmlAndTables_HtmlFlaggedTableTextKept()
    {
        var monograph = Parse.Fixture("html-and-tables.md");
        Assert.Equal([(7, 16), (7, 28), (16, 1)], monograph.Spans(DiagnosticCodes.InlineHtml));
        var dosage = monograph.Sections.Single(s => s.Key == "dosage");
        Assert.Contains("Adults | 10 mg", dosage.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("script", dosage.PlainText, StringComparison.Ordinal);
        Assert.Equal("Tablamine is a fictional drug.", monograph.Sections[0].PlainText);
    }

    [Fact]
    public void YamlScalars_QuotedUnquotedFoldedNumber_AllRead()
    {
        var monograph = Parse.Fixture("medicine-yaml-scalars.md", Collection.Medicine);
        var front = monograph.FrontMatter;
        Assert.Equal("Scalarex 10 mg Tablet", front.Title);
        Assert.Equal("clofarabine", front.GenericSlug);
        Assert.Equal("strip of 10 tablets", front.PackSize);
        Assert.Equal(125.5m, front.Mrp);
        Assert.Equal(new DateTimeOffset(2025, 1, 31, 0, 0, 0, TimeSpan.Zero), front.LastModified);
        Assert.Empty(monograph.Diagnostics);
    }

    [Fact]
    public void Contradiction_SectionsDisagree_ReportedAtEachListMissingTheCondition()
    {
        var monograph = Parse.Fixture("contradiction.md");
        var diagnostics = monograph.Diagnostics.Where(d => d.Code == DiagnosticCodes.ContraindicationContradiction.Code).ToList();
        Assert.Equal([(12, 1), (12, 1), (18, 1)], diagnostics.Select(d => (d.Line, d.Column)));
        Assert.Equal([19, 5], diagnostics[0].Related.Select(r => r.Line));
        Assert.Equal([18, 19], diagnostics[1].Related.Select(r => r.Line));
        Assert.Equal([19, 5], diagnostics[2].Related.Select(r => r.Line));
    }

    [Fact]
    public void Seed_WithCrlfLineEndings_SameDiagnosticsAndLines()
    {
        var bytes = File.ReadAllBytes(RepoPaths.Seed);
        var crlf = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(bytes).Replace("\n", "\r\n", StringComparison.Ordinal));
        var monograph = Formulary.Monographs.Parsing.MonographParser.Default.Parse(Collection.Composition, "clofarabine.md", crlf);
        Assert.Equal(Parse.Seed().Diagnostics.Select(d => (d.Code, d.Line, d.Column)), monograph.Diagnostics.Select(d => (d.Code, d.Line, d.Column)));
        Assert.Equal(9, monograph.Faqs.Count);
        Assert.Equal("Adults", monograph.Sections[3].Children[0].Children[0].Title);
    }
}
