using Formulary.Storage.Search;

namespace Formulary.Storage.Tests.Search;

public sealed class NameVocabularyTests
{
    private static readonly NameVocabulary Vocabulary = new(["clofarabine", "clolar", "evoltra", "cytarabine", "leukemia"]);

    [Theory]
    [InlineData("klofarabine", "clofarabine")]
    [InlineData("clofarabene", "clofarabine")]
    [InlineData("evoltro", "evoltra")]
    [InlineData("leukaemia", "leukemia")]
    public void Closest_WordWithinBound_ReturnsVocabularyWord(string term, string expected)
    {
        Assert.Equal(expected, Vocabulary.Closest(term));
    }

    [Theory]
    [InlineData("zzzzqqqq")]
    [InlineData("clo")]
    [InlineData("aspirin")]
    public void Closest_NothingWithinBound_ReturnsNull(string term)
    {
        Assert.Null(Vocabulary.Closest(term));
    }

    [Fact]
    public void Closest_EqualDistances_ReturnsOrdinallyFirstWord()
    {
        // "dosa" and "dose" are both one substitution from "doso".
        Assert.Equal("dosa", new NameVocabulary(["dose", "dosa", "dosx"]).Closest("doso"));
    }

    [Fact]
    public void Closest_AnagramOfTerm_IsStillComparedByEditDistance()
    {
        // Same letters (histogram bound 0) but distance 2: the filter must let it through, the bound then decides.
        Assert.Equal("abcdfe", new NameVocabulary(["abcdfe"]).Closest("abcdef"));
        Assert.Null(new NameVocabulary(["fedcba"]).Closest("abcdef"));
    }

    [Fact]
    public void Closest_RandomVocabulary_AgreesWithFullLevenshteinScan()
    {
        var random = new Random(20261125);
        var words = Enumerable.Range(0, 3000).Select(_ => RandomWord(random)).Distinct(StringComparer.Ordinal).ToList();
        var vocabulary = new NameVocabulary(words);
        for (var i = 0; i < 400; i++)
        {
            var term = Misspell(words[random.Next(words.Count)], random);
            Assert.Equal(FullScan(term, words), vocabulary.Closest(term));
        }
    }

    /// <summary>The reference: every word, textbook dynamic-programming Levenshtein, smallest distance then ordinal order.</summary>
    private static string? FullScan(string term, IEnumerable<string> words)
    {
        var bound = term.Length switch { < 4 => 0, < 6 => 1, < 10 => 2, _ => 3 };
        return words
            .Select(w => (Word: w, Distance: Levenshtein(term, w)))
            .Where(c => c.Distance <= bound)
            .OrderBy(c => c.Distance).ThenBy(c => c.Word, StringComparer.Ordinal)
            .Select(c => c.Word)
            .FirstOrDefault();
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static string RandomWord(Random random) =>
        new([.. Enumerable.Range(0, random.Next(3, 14)).Select(_ => "abcdeéfilmnorstu0123"[random.Next(20)])]);

    private static string Misspell(string word, Random random)
    {
        var chars = word.ToList();
        for (var edits = random.Next(0, 5); edits > 0 && chars.Count > 1; edits--)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0: chars[at] = (char)('a' + random.Next(26)); break;
                case 1: chars.RemoveAt(at); break;
                default: chars.Insert(at, (char)('a' + random.Next(26))); break;
            }
        }

        return new string([.. chars]);
    }
}
