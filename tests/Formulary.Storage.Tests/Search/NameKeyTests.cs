using Formulary.Storage.Search;

namespace Formulary.Storage.Tests.Search;

public sealed class NameKeyTests
{
    [Theory]
    [InlineData("Abacavir + Lamivudine", "abacavir lamivudine")]
    [InlineData("  Évoltra® 20 mg/ml ", "evoltra 20 mg ml")]
    [InlineData("FOLIC-ACID", "folic acid")]
    [InlineData("+++", "")]
    public void Fold_LowersRemovesAccentsAndCollapsesTheRest(string text, string folded) =>
        Assert.Equal(folded, NameKey.Fold(text));

    [Theory]
    [InlineData("Abacavir + Lamivudine")]
    [InlineData("lamivudine abacavir")]
    [InlineData("Abacavir and Lamivudine")]
    [InlineData("LAMIVUDINE with abacavir, abacavir")]
    public void Key_SameIngredientsInAnyOrder_AreOneKey(string text) =>
        Assert.Equal("abacavir lamivudine", NameKey.Key(text));

    [Fact]
    public void SearchNameFor_TitleAlternatesAndBrands_WithLaterWordRows()
    {
        var names = SearchName.For(7, "Folic Acid + Methotrexate", "Folimet\n" + SearchDocument.NamesEnd + "\nsection text", ["Folitrex 5"]).ToList();

        Assert.Equal(
            [("folic acid methotrexate", "acid folic methotrexate", SearchNameKind.Title), ("acid methotrexate", "", SearchNameKind.Inner),
             ("methotrexate", "", SearchNameKind.Inner), ("folimet", "folimet", SearchNameKind.Alternate),
             ("folitrex 5", "5 folitrex", SearchNameKind.Brand), ("5", "", SearchNameKind.Inner)],
            names.Select(n => (n.Folded, n.Key, n.Kind)));
        Assert.All(names, n => Assert.Equal(7, n.DocumentId));
    }
}
