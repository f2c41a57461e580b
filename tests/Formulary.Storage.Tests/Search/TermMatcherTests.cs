using System.Globalization;
using System.Text;
using Formulary.Storage.Search;

namespace Formulary.Storage.Tests.Search;

/// <summary>
/// How stored text is split into words for sections and snippets: runs of letters, decimal digits and non-spacing marks,
/// as the full-text index split them. The expected words are written out, or (for random text) found by a rune-by-rune
/// walk over the Unicode categories, independent of the splitter's ASCII shortcut.
/// </summary>
public sealed class TermMatcherTests
{
    [Theory]
    [InlineData("Dosage: 40 mg/kg, twice-daily.", new[] { "Dosage", "40", "mg", "kg", "twice", "daily" })]
    [InlineData("  café  naïve\tRenal_impairment  ", new[] { "café", "naïve", "Renal", "impairment" })]
    [InlineData("cafe\u0301 x\u0308y", new[] { "cafe\u0301", "x\u0308y" })]
    [InlineData("\U0001D400bc 𝟙2 😀 end", new[] { "\U0001D400bc", "𝟙2", "end" })]
    [InlineData("a\uD800b \uDC00c", new[] { "a", "b", "c" })]
    [InlineData("", new string[0])]
    [InlineData("...", new string[0])]
    public void Words_SplitsRunsOfLettersDigitsAndMarks(string text, string[] expected)
    {
        Assert.Equal(expected, TermMatcher.Words(text, 0, text.Length).Select(w => text[w.From..w.To]));
    }

    [Fact]
    public void Words_InsideARange_StopAtItsEnds()
    {
        const string text = "alpha beta gamma";

        Assert.Equal(["pha", "beta", "g"], TermMatcher.Words(text, 2, 12).Select(w => text[w.From..w.To]));
    }

    [Fact]
    public void Words_OfRandomMixedText_AreTheRunsOfTheirUnicodeCategories()
    {
        var alphabet = "aZ09 .,-_\t\n'é\u0301ß\u00A0ω\u2014\u3042\uD835\uDC00\uD83D\uDE00\uD800\uDC00".ToCharArray();
        var random = new Random(12);
        for (var round = 0; round < 2_000; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var start = random.Next(0, text.Length + 1);
            var end = random.Next(start, text.Length + 1);

            Assert.Equal(ByCategory(text, start, end), TermMatcher.Words(text, start, end).ToList());
        }
    }

    [Fact]
    public void Find_MarksEachQueryWordFoundInTheRange()
    {
        var matcher = new TermMatcher(["renal", "impair"]);
        const string text = "Renal function. Dose in Impairment: halve it.";

        Assert.Equal(0b11, matcher.Find(text, 0, text.Length));
        Assert.Equal(0b01, matcher.Find(text, 0, 15));
        Assert.Equal(0b10, matcher.Find(text, 15, text.Length));
        Assert.Equal(0, matcher.Find(text, 2, 5));
    }

    /// <summary>A textbook walk: each rune of [start, end) in a word when it is a letter, a decimal digit or a non-spacing mark.</summary>
    private static List<(int From, int To)> ByCategory(string text, int start, int end)
    {
        var words = new List<(int From, int To)>();
        var from = -1;
        for (var at = start; at < end;)
        {
            var valid = Rune.DecodeFromUtf16(text.AsSpan(at, end - at), out var rune, out var width) == System.Buffers.OperationStatus.Done;
            var category = valid ? Rune.GetUnicodeCategory(rune) : UnicodeCategory.OtherSymbol;
            var inWord = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.NonSpacingMark;
            if (inWord && from < 0)
            {
                from = at;
            }
            else if (!inWord && from >= 0)
            {
                words.Add((from, at));
                from = -1;
            }

            at += valid ? width : 1;
        }

        if (from >= 0)
        {
            words.Add((from, end));
        }

        return words;
    }
}
