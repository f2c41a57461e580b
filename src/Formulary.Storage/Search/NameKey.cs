using System.Globalization;
using System.Text;

namespace Formulary.Storage.Search;

/// <summary>
/// Two normal forms of a name, computed the same way for stored names and for what a reader types:
/// <see cref="Fold"/> (lower case, accents removed, every run of other characters one space) for
/// prefix look-ups as you type, and <see cref="Key"/> (the folded words without connectives, distinct
/// and sorted) for exact matches in any order: "Abacavir + Lamivudine", "lamivudine abacavir" and
/// "Abacavir and Lamivudine" share one key.
/// </summary>
public static class NameKey
{
    private static readonly HashSet<string> Connectives = new(StringComparer.Ordinal) { "and", "with", "plus" };

    // The app runs with invariant globalization, where string.Normalize does not decompose: Latin
    // letters with diacritics (U+00C0-U+024F, lower case) and their base letters, as FTS5's
    // remove_diacritics and PostgreSQL's unaccent fold them. Ligatures are expanded in Fold.
    private const string Accented = "àáâãäåçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľłńņňōŏőŕŗřśŝşšţťŧũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳ";
    private const string Plain = "aaaaaaceeeeiiiidnoooooouuuuytyaaaccccddeeeeegggghhiiiiijkllllnnnooorrrsssstttuuuuuuwyzzzouaiouuuuuaagkoojgnaaaeeiioorruusthaeooooy";

    /// <summary><see cref="Fold"/> without its spaces: "Folic Acid" and "folicacid" compare equal.</summary>
    public static string Compact(string text) => Fold(text, spaces: false);

    public static string Fold(string text) => Fold(text, spaces: true);

    /// <summary>
    /// A character as search reads it (names and queries alike): a full-width form (U+FF01-U+FF5E, typed with an East
    /// Asian input method) as its ASCII letter, digit or sign, and a format character (zero-width space and joiners, soft
    /// hyphen, byte-order mark, bidirectional marks) as nothing, so neither splits nor hides a word; null for the latter.
    /// The app runs with invariant globalization, where <see cref="string.Normalize()"/> would not do this (NFKC).
    /// </summary>
    public static Rune? Narrow(Rune rune) =>
        rune.Value switch
        {
            < 0x80 => rune,
            >= 0xFF01 and <= 0xFF5E => new Rune(rune.Value - 0xFEE0),
            _ when Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format => null,
            _ => rune,
        };

    private static string Fold(string text, bool spaces)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var typed in text.EnumerateRunes())
        {
            if (Narrow(typed) is not { } rune)
            {
                continue;
            }

            // ASCII, most names, has no marks and needs no tables.
            var ascii = rune.Value < 0x80;
            if (!ascii && Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (ascii ? !char.IsAsciiLetterOrDigit((char)rune.Value) : !Rune.IsLetterOrDigit(rune))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && spaces && folded.Length > 0)
            {
                folded.Append(' ');
            }

            pendingSpace = false;
            if (ascii)
            {
                folded.Append(char.ToLowerInvariant((char)rune.Value));
            }
            else
            {
                AppendPlain(folded, Rune.ToLowerInvariant(rune));
            }
        }

        return folded.ToString();
    }

    private static void AppendPlain(StringBuilder folded, Rune lower)
    {
        var at = lower.IsBmp ? Accented.IndexOf((char)lower.Value, StringComparison.Ordinal) : -1;
        if (at >= 0)
        {
            folded.Append(Plain[at]);
            return;
        }

        if (lower.Value switch { 'æ' => "ae", 'œ' => "oe", 'ß' => "ss", _ => null } is { } expanded)
        {
            folded.Append(expanded);
        }
        else if (lower.IsBmp)
        {
            folded.Append((char)lower.Value);
        }
        else
        {
            folded.Append(lower.ToString());
        }
    }

    public static string Key(string text)
    {
        var words = Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Connectives.Contains(w))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return string.Join(' ', words);
    }
}
