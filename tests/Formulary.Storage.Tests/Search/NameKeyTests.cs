using System.Globalization;
using System.Text;
using Formulary.Storage.Search;

namespace Formulary.Storage.Tests.Search;

public sealed class NameKeyTests
{
    [Theory]
    [InlineData("Abacavir + Lamivudine", "abacavir lamivudine")]
    [InlineData("  Évoltra® 20 mg/ml ", "evoltra 20 mg ml")]
    [InlineData("FOLIC-ACID", "folic acid")]
    [InlineData("+++", "")]
    [InlineData("Straße Œstrogen Æther", "strasse oestrogen aether")]
    [InlineData("Cafe\u0301-9", "cafe 9")]
    [InlineData("ΔΈΛΤΑ x", "δέλτα x")]
    [InlineData("\U0001D400bc\U0001F600d", "\U0001D400bc d")]
    // full-width forms (an East Asian input method) read as ASCII; format characters (zero-width space, soft hyphen,
    // left-to-right mark) hide nothing and split nothing
    [InlineData("\uFF23\uFF4C\uFF4F\uFF46\uFF41\uFF52\uFF41\uFF42\uFF49\uFF4E\uFF45\uFF0D\uFF12", "clofarabine 2")]
    [InlineData("clo\u200Bfara\u00ADbine\u200E", "clofarabine")]
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

    /// <summary>
    /// <see cref="NameKey.Fold"/> (and <see cref="NameKey.Compact"/>, the same without spaces) takes ASCII on a short path; over random text of ASCII, Latin letters with accents,
    /// ligatures, combining marks, other scripts and characters outside the BMP it folds as the rule written out plainly
    /// below (every character through the Unicode categories and the accent table) does.
    /// </summary>
    [Fact]
    public void Fold_RandomText_SameAsTheRuleWrittenOutPlainly()
    {
        string[] pieces = ["a", "Z", "m", "0", "9", " ", "-", "+", "/", "®", "é", "É", "ñ", "Ø", "ß", "æ", "Œ", "\u0301", "\u0308", "ı", "İ", "Δ", "ж", "\U0001D400", "\U0001F600", "中", "\t", "_"];
        var random = new Random(20261201);
        for (var i = 0; i < 5_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.Equal(PlainFold(text), NameKey.Fold(text));
            Assert.Equal(PlainFold(text).Replace(" ", string.Empty, StringComparison.Ordinal), NameKey.Compact(text));
        }
    }

    private static string PlainFold(string text)
    {
        const string accented = "àáâãäåçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľłńņňōŏőŕŗřśŝşšţťŧũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳ";
        const string plain = "aaaaaaceeeeiiiidnoooooouuuuytyaaaccccddeeeeegggghhiiiiijkllllnnnooorrrsssstttuuuuuuwyzzzouaiouuuuuaagkoojgnaaaeeiioorruusthaeooooy";
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (!Rune.IsLetterOrDigit(rune))
            {
                words.Add(word.ToString());
                word.Clear();
                continue;
            }

            var lower = Rune.ToLowerInvariant(rune).ToString();
            var at = lower.Length == 1 ? accented.IndexOf(lower[0], StringComparison.Ordinal) : -1;
            word.Append(at >= 0 ? plain[at].ToString() : lower switch { "æ" => "ae", "œ" => "oe", "ß" => "ss", _ => lower });
        }

        words.Add(word.ToString());
        return string.Join(' ', words.Where(w => w.Length > 0));
    }
}
