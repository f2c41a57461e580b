using Formulary.Storage.Search;

namespace Formulary.Storage.Tests.Search;

public sealed class SpellingSuggesterTests
{
    private static readonly NameVocabulary Vocabulary = new(["clofarabine", "clolar", "evoltra", "cytarabine", "leukemia"]);

    [Fact]
    public void Suggest_KeepsWordsThatHaveHits_AndCorrectsTheOthers()
    {
        var suggestion = SpellingSuggester.Suggest(["klofarabine", "dose"], new HashSet<string> { "dose" }, Vocabulary);

        Assert.Equal("clofarabine dose", suggestion);
    }

    [Fact]
    public void Suggest_NothingCorrectable_ReturnsNull()
    {
        Assert.Null(SpellingSuggester.Suggest(["zzzzqqqq"], new HashSet<string>(), Vocabulary));
    }
}
