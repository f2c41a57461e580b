using Formulary.Storage.Search;

namespace Formulary.Storage.Tests.Search;

public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("Clolar", new[] { "clolar" })]
    [InlineData("  NEAR(clolar, evoltra)  ", new[] { "near", "clolar", "evoltra" })]
    [InlineData("\"clo*\" -x title:y", new[] { "clo", "x", "title", "y" })]
    [InlineData("5'-triphosphate", new[] { "5", "triphosphate" })]
    [InlineData("Évoltra", new[] { "évoltra" })]
    [InlineData("\uFF43\uFF4C\uFF4F\uFF4C\uFF41\uFF52\u3000\uFF12\uFF10", new[] { "clolar", "20" })]
    [InlineData("clo\u200Blar\uFEFF", new[] { "clolar" })]
    [InlineData("", new string[0])]
    [InlineData("*** ((( ---", new string[0])]
    public void Parse_AnyText_KeepsOnlyLowerCaseWords(string query, string[] expected)
    {
        Assert.Equal(expected, SearchTerms.Parse(query));
    }

    [Fact]
    public void Parse_ManyLongWords_IsBounded()
    {
        var terms = SearchTerms.Parse(string.Join(' ', Enumerable.Repeat(new string('a', 70), 100)));

        Assert.Equal(SearchLimits.MaxTerms, terms.Count);
        Assert.All(terms, t => Assert.Equal(SearchLimits.MaxTermChars, t.Length));
    }

    [Fact]
    public void ToFts5_Words_AreQuotedPrefixTerms()
    {
        Assert.Equal("\"clof\"* \"200\"*", SearchTerms.ToFts5(["clof", "200"]));
        Assert.Equal("clof:* & 200:*", SearchTerms.ToTsQuery(["clof", "200"]));
    }

    [Fact]
    public void ToFts5_LongWordBeforeTheLast_IsAWholeWord()
    {
        // Past the index's 4-letter prefixes only the last word, the one being typed, is a prefix (issue 12.5).
        Assert.Equal("\"clolar\" \"tab\"* \"inter\" \"infus\"*", SearchTerms.ToFts5(["clolar", "tab", "inter", "infus"]));
        Assert.Equal("clolar & tab:* & inter & infus:*", SearchTerms.ToTsQuery(["clolar", "tab", "inter", "infus"]));
        Assert.Equal("\"inter\"", SearchTerms.Fts5Term(["inter", "infus"], 0));
        Assert.Equal("infus:*ABC", SearchTerms.TsTerm(["inter", "infus"], 1, "ABC"));
    }

    [Fact]
    public void ToFts5_WordsUnderThreeCharacters_AreWholeWords()
    {
        Assert.Equal("\"t\" \"20\" \"mg\" \"tab\"*", SearchTerms.ToFts5(["t", "20", "mg", "tab"]));
        Assert.Equal("t & 20 & mg & tab:*", SearchTerms.ToTsQuery(["t", "20", "mg", "tab"]));
    }
}
