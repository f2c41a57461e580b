using Formulary.Storage.Search;

namespace Formulary.Storage.Tests.Search;

public sealed class SpellingSuggesterTests
{
    private static readonly string[] Vocabulary = ["clofarabine", "clolar", "evoltra", "cytarabine", "leukemia"];

    [Theory]
    [InlineData("klofarabine", "clofarabine")]
    [InlineData("clofarabene", "clofarabine")]
    [InlineData("evoltro", "evoltra")]
    [InlineData("leukaemia", "leukemia")]
    public void Closest_WordWithinBound_ReturnsVocabularyWord(string term, string expected)
    {
        Assert.Equal(expected, SpellingSuggester.Closest(term, Vocabulary));
    }

    [Theory]
    [InlineData("zzzzqqqq")]
    [InlineData("clo")]
    [InlineData("aspirin")]
    public void Closest_NothingWithinBound_ReturnsNull(string term)
    {
        Assert.Null(SpellingSuggester.Closest(term, Vocabulary));
    }

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
