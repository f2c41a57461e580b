using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;

namespace Formulary.Monographs.Tests.Lint;

/// <summary>Each front-matter code: its code and span (1-based file line and column), never its message.</summary>
public sealed class FrontMatterLintTests
{
    [Fact]
    public void NoFrontMatter_BodyOnly_Mono010AtFileStartAndTitleMissing()
    {
        var monograph = Parse.Text("## Usage\n\nText.\n");
        Assert.Equal([(1, 1)], monograph.Spans(DiagnosticCodes.NoFrontMatter));
        Assert.Equal([(1, 1)], monograph.Spans(DiagnosticCodes.TitleMissing));
        Assert.Equal("usage", Assert.Single(monograph.Sections).Key);
    }

    [Fact]
    public void UnterminatedFrontMatter_NoClosingFence_Mono011AtFileStart()
    {
        var monograph = Parse.Text("---\ntitle: X\ndescription: y\n\n## Usage\n\nText.\n");
        Assert.Equal([(1, 1)], monograph.Spans(DiagnosticCodes.UnterminatedFrontMatter));
        Assert.Empty(monograph.Sections);
    }

    [Fact]
    public void YamlSyntax_UnclosedFlowSequence_Mono012OnTheBadLine()
    {
        var monograph = Parse.Text("---\ntitle: X\ndescription: [a, b\nis_banned: false\n---\nBody.\n");
        var diagnostic = monograph.Single(DiagnosticCodes.YamlSyntax);
        Assert.InRange(diagnostic.Line, 3, 4);
        Assert.True(diagnostic.Column >= 1);
    }

    [Fact]
    public void YamlSyntax_FlowSequenceNeverClosed_Mono012AtItsOpener()
    {
        // YamlDotNet gives up on this one with an InvalidOperationException and no position of its own.
        var monograph = Parse.Text("---\ntitle: X\ndescription: [unclosed\nfaqs: x\n---\nBody.\n");
        Assert.Equal([(3, 14)], monograph.Spans(DiagnosticCodes.YamlSyntax));
    }

    [Fact]
    public void YamlSyntax_BadIndentation_Mono012AtLineOfError()
    {
        var monograph = Parse.Text("---\ntitle: X\n  description: y\n---\nBody.\n");
        Assert.Equal(3, monograph.Single(DiagnosticCodes.YamlSyntax).Line);
    }

    [Fact]
    public void FrontMatterNotMapping_List_Mono014AtFirstItem()
    {
        var monograph = Parse.Text("---\n- a\n- b\n---\nBody.\n");
        Assert.Equal([(2, 1)], monograph.Spans(DiagnosticCodes.FrontMatterNotMapping));
    }

    [Fact]
    public void UnknownKey_NotInSchema_Mono015AtKey()
    {
        var monograph = Parse.Text("---\ntitle: X\nauthor: someone\n---\nBody.\n");
        Assert.Equal([(3, 1)], monograph.Spans(DiagnosticCodes.UnknownFrontMatterKey));
    }

    [Fact]
    public void UnknownKey_MedicineFieldOnComposition_Mono015()
    {
        var monograph = Parse.Text("---\ntitle: X\nmrp: 12\n---\nBody.\n");
        Assert.Equal([(3, 1)], monograph.Spans(DiagnosticCodes.UnknownFrontMatterKey));
    }

    [Fact]
    public void TitleMissing_NoTitleKey_Mono020AtMappingStart()
    {
        var monograph = Parse.Text("---\ndescription: d\n---\nBody.\n");
        Assert.Equal([(2, 1)], monograph.Spans(DiagnosticCodes.TitleMissing));
        Assert.Equal("test", monograph.Title);
    }

    [Theory]
    [InlineData("---\n---\nBody.\n")]
    [InlineData("---\n\n---\nBody.\n")]
    [InlineData("---\n# editor: fill in\n---\nBody.\n")]
    [InlineData("---\n~\n---\nBody.\n")]
    public void TitleMissing_EmptyOrCommentOnlyFrontMatter_Mono020AtItsFirstLine(string text)
    {
        var monograph = Parse.Text(text);
        Assert.Equal([(2, 1)], monograph.Spans(DiagnosticCodes.TitleMissing));
        Assert.False(monograph.Has(DiagnosticCodes.NoFrontMatter));
    }

    [Fact]
    public void GenericSlugMissing_EmptyFrontMatterOfMedicine_Mono025()
    {
        Assert.True(Parse.Text("---\n---\nBody.\n", Collection.Medicine).Has(DiagnosticCodes.GenericSlugMissing));
    }

    [Fact]
    public void TitleMissing_EmptyValue_Mono020AtValue()
    {
        var monograph = Parse.Text("---\ndescription: d\ntitle: ''\n---\nBody.\n");
        Assert.Equal([(3, 8)], monograph.Spans(DiagnosticCodes.TitleMissing));
    }

    [Theory]
    [InlineData("'false'")]
    [InlineData("no")]
    [InlineData("1")]
    public void IsBanned_NotBoolean_Mono021AtValue(string value)
    {
        var monograph = Parse.Text($"---\ntitle: X\nis_banned: {value}\n---\nBody.\n");
        Assert.Equal([(3, 12)], monograph.Spans(DiagnosticCodes.IsBannedNotBoolean));
        Assert.False(monograph.FrontMatter.IsBanned);
    }

    [Fact]
    public void IsBanned_PlainTrue_ReadWithoutDiagnostic()
    {
        var monograph = Parse.Text("---\ntitle: X\nis_banned: true\n---\nBody.\n");
        Assert.True(monograph.FrontMatter.IsBanned);
        Assert.False(monograph.Has(DiagnosticCodes.IsBannedNotBoolean));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("'22/09/2025'")]
    [InlineData("2025-13-01")]
    public void LastModified_NotIso8601_Mono022AtValue(string value)
    {
        var monograph = Parse.Text($"---\ntitle: X\nlastModified: {value}\n---\nBody.\n");
        Assert.Equal([(3, 15)], monograph.Spans(DiagnosticCodes.LastModifiedNotIso8601));
        Assert.Null(monograph.FrontMatter.LastModified);
    }

    [Theory]
    [InlineData("2025-09-22", 2025, 9, 22, 0, 0)]
    [InlineData("'2025-09-22T17:21:52.632Z'", 2025, 9, 22, 17, 21)]
    [InlineData("2025-09-22T19:21:00+02:00", 2025, 9, 22, 17, 21)]
    public void LastModified_Iso8601_ReadAsUtc(string value, int year, int month, int day, int hour, int minute)
    {
        var monograph = Parse.Text($"---\ntitle: X\nlastModified: {value}\n---\nBody.\n");
        var date = monograph.FrontMatter.LastModified!.Value;
        Assert.Equal((year, month, day, hour, minute, TimeSpan.Zero), (date.Year, date.Month, date.Day, date.Hour, date.Minute, date.Offset));
    }

    [Fact]
    public void FieldWrongShape_TitleIsList_Mono028AtValue()
    {
        var monograph = Parse.Text("---\ntitle: [a, b]\n---\nBody.\n");
        Assert.Equal([(2, 8)], monograph.Spans(DiagnosticCodes.FieldWrongShape));
    }

    [Fact]
    public void FaqEntryIncomplete_QuestionWithoutAnswer_Mono029AtEntry()
    {
        var monograph = Parse.Text("---\ntitle: X\nfaqs:\n  - q: Why?\n  - a: Because.\n---\nBody.\n");
        Assert.Equal([(4, 5), (5, 5)], monograph.Spans(DiagnosticCodes.FaqEntryIncomplete));
        Assert.Equal("Why?", Assert.Single(monograph.Faqs).Question);
    }

    [Fact]
    public void Ingredients_MissingGenericSlug_Mono028AtItem()
    {
        var monograph = Parse.Text("---\ntitle: X\ningredients:\n  - strength: 5 mg\n---\nBody.\n", Collection.Combination);
        Assert.Equal([(4, 5)], monograph.Spans(DiagnosticCodes.FieldWrongShape));
    }
}
