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
        foreach (var (from, to) in Words(text, start, end))
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
        var from = -1;
        var at = start;
        while (at < end)
        {
            var width = Rune.DecodeFromUtf16(text.AsSpan(at, end - at), out var rune, out var consumed) == OperationStatus.Done ? consumed : 1;
            var inWord = Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark;
            if (inWord && from < 0)
            {
                from = at;
            }
            else if (!inWord && from >= 0)
            {
                yield return (from, at);
                from = -1;
            }

            at += width;
        }

        if (from >= 0)
        {
            yield return (from, end);
        }
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
