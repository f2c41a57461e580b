using Formulary.Clinical.Interactions;

namespace Formulary.Clinical.Tests.Interactions;

public sealed class InteractionClassCatalogTests
{
    [Theory]
    [InlineData("gentamicin", "nephrotoxic")]
    [InlineData("  Amikacin ", "nephrotoxic")]
    [InlineData("vancomycin 1 g", "nephrotoxic")]
    [InlineData("Amphotericin B", "nephrotoxic")]
    [InlineData("acetaminophen", "hepatotoxic")]
    public void ClassesOf_KnownDrug_ReturnsClass(string medication, string expected) =>
        Assert.Contains(InteractionClassCatalog.ClassesOf(medication), c => c.Name == expected);

    [Fact]
    public void ClassesOf_Methotrexate_BothClasses() =>
        Assert.Equal(2, InteractionClassCatalog.ClassesOf("methotrexate").Count);

    [Theory]
    [InlineData("ondansetron")]
    [InlineData("gentamicinx")]
    public void ClassesOf_UnknownDrug_Empty(string medication) => Assert.Empty(InteractionClassCatalog.ClassesOf(medication));

    [Fact]
    public void Classes_EachHasSource() => Assert.All(InteractionClassCatalog.Classes, c => Assert.False(string.IsNullOrWhiteSpace(c.Source)));
}
