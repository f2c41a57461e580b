using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;

namespace Formulary.Monographs.Tests.Lint;

public sealed class MedicineLintTests
{
    private static Monograph Medicine(string frontMatterLines) =>
        Parse.Text("---\ntitle: Brand 10 mg\n" + frontMatterLines + "---\nA brand page.\n", Collection.Medicine, "medicines/brand.md");

    [Theory]
    [InlineData("Rs 120")]
    [InlineData("'12,50'")]
    [InlineData("-5")]
    public void Mrp_NotNumber_Mono023AtValue(string value)
    {
        var monograph = Medicine($"generic_slug: clofarabine\nmrp: {value}\n");
        Assert.Equal([(4, 6)], monograph.Spans(DiagnosticCodes.MrpNotNumber));
        Assert.Null(monograph.FrontMatter.Mrp);
    }

    [Theory]
    [InlineData("245.50", "245.50")]
    [InlineData("'99'", "99")]
    [InlineData("1200", "1200")]
    public void Mrp_Number_ReadAsDecimal(string value, string expected)
    {
        var monograph = Medicine($"generic_slug: clofarabine\nmrp: {value}\n");
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), monograph.FrontMatter.Mrp);
        Assert.False(monograph.Has(DiagnosticCodes.MrpNotNumber));
    }

    [Fact]
    public void Type_Unknown_Mono024AtValue()
    {
        var monograph = Medicine("type: combo\ngeneric_slug: clofarabine\n");
        Assert.Equal([(3, 7)], monograph.Spans(DiagnosticCodes.MedicineTypeInvalid));
    }

    [Fact]
    public void Single_WithoutGenericSlug_Mono025AtMappingStart()
    {
        var monograph = Medicine("company: Acme\n");
        Assert.Equal([(2, 1)], monograph.Spans(DiagnosticCodes.GenericSlugMissing));
        Assert.Empty(monograph.Links);
    }

    [Fact]
    public void Combination_WithoutCombinationSlug_Mono026AtType()
    {
        var monograph = Medicine("type: combination\n");
        Assert.Equal([(3, 7)], monograph.Spans(DiagnosticCodes.CombinationSlugMissing));
    }

    [Fact]
    public void Single_WithCombinationSlug_Mono027AtThatValue()
    {
        var monograph = Medicine("generic_slug: clofarabine\ncombination_slug: folicacid-methotrexate\n");
        Assert.Equal([(4, 19)], monograph.Spans(DiagnosticCodes.MedicineLinkMismatch));
        Assert.Null(monograph.FrontMatter.CombinationSlug);
    }

    [Fact]
    public void Single_GenericSlug_LinksToComposition()
    {
        var monograph = Medicine("type: single\ngeneric_slug: clofarabine\n");
        var link = Assert.Single(monograph.Links);
        Assert.Equal((Collection.Composition, "clofarabine", 4, 15), (link.Target, link.Slug, link.Line, link.Column));
        Assert.DoesNotContain(monograph.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Combination_CombinationSlug_LinksToCombination()
    {
        var monograph = Medicine("type: combination\ncombination_slug: folicacid-methotrexate\n");
        var link = Assert.Single(monograph.Links);
        Assert.Equal((Collection.Combination, "folicacid-methotrexate"), (link.Target, link.Slug));
        Assert.Equal(MedicineType.Combination, monograph.FrontMatter.MedicineType);
    }
}
