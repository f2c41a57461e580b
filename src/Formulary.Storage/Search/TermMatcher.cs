using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Formulary.Storage.Search;

/// <summary>
/// Finds a search's words in stored text the way the full-text index matched them: text split into runs
/// of letters and digits (as <see cref="SearchTerms"/> splits a query), compared case- and accent-folded
/// (<see cref="NameKey.Fold"/>), as prefixes where the index matched prefixes (<see cref="SearchTerms.IsPrefix"/>).
/// At most <see cref="SearchLimits.MaxTerms"/> words, so the words found fit a bit mask.
/// </summary>
internal sealed class TermMatcher
{
    private readonly (string Folded, bool Prefix)[] terms;

    public TermMatcher(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var searched = terms.Take(SearchLimits.MaxTerms).ToList();
        this.terms = [.. searched.Select((t, i) => (NameKey.Compact(t), SearchTerms.IsPrefix(searched, i)))];
    }

    /// <summary>The mask with one bit per query word.</summary>
    public int All => (1 << terms.Length) - 1;

    public static int Count(int mask) => BitOperations.PopCount((uint)mask);

    /// <summary>The words found in <paramref name="text"/>[start, end).</summary>
    public int Find(string text, int start, int end)
    {
        var found = 0;
        var at = start;
        while (NextWord(text, ref at, end, out var from, out var to))
        {
            found |= Match(text.AsSpan(from, to - from));
            if (found == All)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>The query words this one word of text matches (a bit per query word).</summary>
    public int Match(ReadOnlySpan<char> word)
    {
        var folded = Ascii.IsValid(word) ? null : NameKey.Fold(word.ToString());
        var mask = 0;
        for (var i = 0; i < terms.Length; i++)
        {
            var (term, prefix) = terms[i];
            var matched = folded is null ? AsciiMatch(word, term, prefix) : prefix ? folded.StartsWith(term, StringComparison.Ordinal) : folded == term;
            mask |= matched ? 1 << i : 0;
        }

        return mask;
    }

    /// <summary>The words of <paramref name="text"/>[start, end) as [from, to) ranges.</summary>
    public static IEnumerable<(int From, int To)> Words(string text, int start, int end)
    {
        var at = start;
        while (NextWord(text, ref at, end, out var from, out var to))
        {
            yield return (from, to);
        }
    }

    /// <summary>
    /// The next word of <paramref name="text"/>[<paramref name="at"/>, end) as [from, to), <paramref name="at"/> moved past
    /// it; false when no word is left. A snippet scans every section of a hit's text, so an ASCII character (most of
    /// them) is classified without decoding a rune: it is a letter or digit exactly when it is <c>[A-Za-z0-9]</c>, and
    /// no ASCII character is a non-spacing mark.
    /// </summary>
    public static bool NextWord(string text, ref int at, int end, out int from, out int to)
    {
        ArgumentNullException.ThrowIfNull(text);
        from = -1;
        while (at < end)
        {
            var c = text[at];
            bool inWord;
            int width;
            if (char.IsAscii(c))
            {
                inWord = char.IsAsciiLetterOrDigit(c);
                width = 1;
            }
            else
            {
                width = Rune.DecodeFromUtf16(text.AsSpan(at, end - at), out var rune, out var consumed) == OperationStatus.Done ? consumed : 1;
                inWord = Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark;
            }

            if (inWord && from < 0)
            {
                from = at;
            }
            else if (!inWord && from >= 0)
            {
                to = at;
                at += width;
                return true;
            }

            at += width;
        }

        to = end;
        return from >= 0;
    }

    private static bool AsciiMatch(ReadOnlySpan<char> word, string term, bool prefix)
    {
        if (word.Length < term.Length || (!prefix && word.Length != term.Length))
        {
            return false;
        }

        for (var i = 0; i < term.Length; i++)
        {
            if (char.ToLowerInvariant(word[i]) != term[i])
            {
                return false;
            }
        }

        return true;
    }
}
