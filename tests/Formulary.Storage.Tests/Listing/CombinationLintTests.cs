using Formulary.Monographs;
using Formulary.Storage.Listing;

namespace Formulary.Storage.Tests.Listing;

/// <summary>The combination check one document at a time, as a streamed publication runs it.</summary>
public sealed class CombinationLintTests
{
    [Fact]
    public void Next_CompositionsThenCombinations_SameFindingsAsTheWholeSet()
    {
        (Collection, string, string, string, bool)[] documents =
        [
            (Collection.Composition, "folicacid", "Folic Acid", "compositions/folicacid.md", false),
            (Collection.Combination, "folicacid-zinc", "Folic Acid + Zinc", "combinations/folicacid-zinc.md", false),
            (Collection.Combination, "folicacid-iron", "Folic Acid + Iron", "combinations/folicacid-iron.md", true),
            (Collection.Medicine, "brandx", "BrandX", "medicines/brandx.md", false),
        ];
        var lint = new CombinationLint();

        var oneByOne = documents.SelectMany(lint.Next).ToList();

        var finding = Assert.Single(oneByOne);
        Assert.Equal(("MONO042", "combinations/folicacid-zinc.md"), (finding.Code, finding.File));
        Assert.Contains("'Zinc'", finding.Message, StringComparison.Ordinal);
        Assert.Equal(CombinationLint.Run(documents).Select(d => (d.Code, d.File, d.Message)), oneByOne.Select(d => (d.Code, d.File, d.Message)));
    }

    [Fact]
    public void Next_CompositionAfterACheckedCombination_Throws()
    {
        var lint = new CombinationLint();
        lint.Next((Collection.Combination, "folicacid-zinc", "Folic Acid + Zinc", "combinations/folicacid-zinc.md", false));

        Assert.Throws<InvalidOperationException>(() => lint.Next((Collection.Composition, "zinc", "Zinc", "compositions/zinc.md", false)));
    }
}
