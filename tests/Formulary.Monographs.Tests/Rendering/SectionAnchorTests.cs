using Formulary.Monographs.Model;
using Formulary.Monographs.Rendering;

namespace Formulary.Monographs.Tests.Rendering;

/// <summary>A section's anchor never takes an id the monograph page gives its own elements.</summary>
public sealed class SectionAnchorTests
{
    private static Section Named(string key) => new(key, key, key, 2, 1, string.Empty, string.Empty, []);

    [Theory]
    [InlineData("hypersensitivity")] // the dose form's hypersensitivity question
    [InlineData("breastfeeding")]
    [InlineData("pregnant")]
    [InlineData("scrDate")]
    [InlineData("dose-regimens")]
    [InlineData("main")]
    [InlineData("error-pregnancy")] // the form's error messages are error-{field}
    [InlineData("faq-3")]
    public void TopLevelSectionNamedLikeAPageElement_GetsTheSectionSuffix(string key)
    {
        Assert.Equal(key + "-section", SectionAnchor.Id(parentId: null, Named(key)));
    }

    [Theory]
    [InlineData(null, "dosage", "dosage")]
    [InlineData("dosage", "children", "dosage-children")]
    [InlineData(null, "", "section")]
    public void OtherSections_TheirKeysAlongThePath(string? parent, string key, string expected)
    {
        Assert.Equal(expected, SectionAnchor.Id(parent, Named(key)));
    }
}
