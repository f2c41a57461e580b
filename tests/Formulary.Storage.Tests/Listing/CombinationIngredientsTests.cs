using Formulary.Storage.Listing;

namespace Formulary.Storage.Tests.Listing;

public sealed class CombinationIngredientsTests
{
    private static readonly CompositionNames Names = new(
    [
        ("folicacid", "Folic Acid"),
        ("methotrexate", "Methotrexate"),
        ("abacavir", "Abacavir"),
        ("lamivudine", "Lamivudine"),
        ("vitamin-b12", "Vitamin B12"),
        ("paracetamol", "Paracétamol"),
    ]);

    [Theory]
    [InlineData("Folic Acid + Methotrexate", "folicacid-methotrexate", "folicacid,methotrexate")]
    [InlineData("FOLIC ACID + methotrexate", "x-y", "folicacid,methotrexate")]
    [InlineData("Abacavir & Lamivudine", "abacavir-lamivudine", "abacavir,lamivudine")]
    [InlineData("Paracetamol + Vitamin B12", "paracetamol-vitaminb12", "paracetamol,vitamin-b12")]
    // A title that is not a list falls back to the slug, whose words may group into one composition slug.
    [InlineData("Folimet Combination Kit", "folicacid-methotrexate", "folicacid,methotrexate")]
    [InlineData("Something", "paracetamol-vitamin-b12", "paracetamol,vitamin-b12")]
    // The title names a part no composition has, but the slug's parts all exist.
    [InlineData("Folic Acid + Methotrexate Sodium", "folicacid-methotrexate", "folicacid,methotrexate")]
    public void Derive_EveryPartMatches_TheCompositionsInOrder(string title, string slug, string expected)
    {
        var match = CombinationIngredients.Derive(title, slug, Names);

        Assert.Equal(expected.Split(','), match.Slugs);
        Assert.Empty(match.Unmatched);
    }

    [Theory]
    [InlineData("Folic Acid + Zinc", "folicacid-zinc", "Zinc")]
    [InlineData("Iron + Zinc", "iron-zinc", "Iron,Zinc")]
    [InlineData("Unknown Kit", "folicacid-zinc", "zinc")]
    [InlineData("Methotrexate", "methotrexate", "")]
    public void Derive_APartMatchesNothing_DerivesNothingAndNamesThePart(string title, string slug, string unmatched)
    {
        var match = CombinationIngredients.Derive(title, slug, Names);

        Assert.Empty(match.Slugs);
        Assert.Equal(unmatched.Length == 0 ? [] : unmatched.Split(','), match.Unmatched);
    }
}
