using System.Text;

namespace Formulary.Storage.Search;

/// <summary>
/// Reduces any user text to plain words (runs of letters and digits), so no quote, operator, column
/// filter or <c>NEAR(</c> can reach the FTS5 or tsquery parser. Everything else separates words,
/// as FTS5's unicode61 tokenizer would.
/// </summary>
internal static class SearchTerms
{
    public static IReadOnlyList<string> Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var text = query.Length > SearchLimits.MaxQueryChars ? query[..SearchLimits.MaxQueryChars] : query;
        var terms = new List<string>();
        var current = new StringBuilder();
        foreach (var typed in text.EnumerateRunes())
        {
            if (NameKey.Narrow(typed) is not { } rune)
            {
                continue;
            }

            if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                if (current.Length < SearchLimits.MaxTermChars)
                {
                    current.Append(rune.ToString());
                }

                continue;
            }

            Flush();
            if (terms.Count == SearchLimits.MaxTerms)
            {
                return terms;
            }
        }

        Flush();
        return terms.Count > SearchLimits.MaxTerms ? terms[..SearchLimits.MaxTerms] : terms;

        void Flush()
        {
            if (current.Length > 0)
            {
                terms.Add(current.ToString().ToLowerInvariant());
                current.Clear();
            }
        }
    }

    /// <summary>
    /// FTS5 query: every word a quoted term, all required; words <see cref="IsPrefix"/> names match as prefixes.
    /// Words hold no quote, so quoting is safe.
    /// </summary>
    public static string ToFts5(IReadOnlyList<string> terms) => string.Join(' ', terms.Select((_, i) => Fts5Term(terms, i)));

    /// <summary>The FTS5 query of word <paramref name="index"/> of <paramref name="terms"/> alone, matched as in the whole query.</summary>
    public static string Fts5Term(IReadOnlyList<string> terms, int index)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return IsPrefix(terms, index) ? $"\"{terms[index]}\"*" : $"\"{terms[index]}\"";
    }

    /// <summary>
    /// tsquery text: the same terms joined with AND. Words hold no operator characters. With
    /// <paramref name="weights"/> (e.g. "ABC") each term matches only in the fields of those weights.
    /// </summary>
    public static string ToTsQuery(IReadOnlyList<string> terms, string weights = "") =>
        string.Join(" & ", terms.Select((_, i) => TsTerm(terms, i, weights)));

    /// <summary>The tsquery of word <paramref name="index"/> of <paramref name="terms"/> alone, matched as in the whole query.</summary>
    public static string TsTerm(IReadOnlyList<string> terms, int index, string weights = "")
    {
        ArgumentNullException.ThrowIfNull(terms);
        var term = terms[index];
        return IsPrefix(terms, index) ? $"{term}:*{weights}" : weights.Length > 0 ? $"{term}:{weights}" : term;
    }

    /// <summary>
    /// Whether word <paramref name="index"/> of a query matches as a prefix. A one- or two-letter prefix expands
    /// to a large part of the vocabulary and made one query cost seconds (<c>t a o i n s h r d l c u</c>): such
    /// short words match whole words only. Words up to <see cref="SearchLimits.IndexedPrefixChars"/> letters are
    /// prefixes anywhere (the index keeps their prefixes). A longer word is a prefix only as the query's last
    /// word, the one being typed: FTS5 merges every word such a prefix matches in one call nothing can
    /// interrupt, and five of them (<c>inter contr combi effec gener</c>) overran the time budget (ADR 0005
    /// decision 12); earlier words match whole words. PostgreSQL follows the same rule.
    /// </summary>
    public static bool IsPrefix(IReadOnlyList<string> terms, int index)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var length = terms[index].Length;
        return length >= SearchLimits.MinPrefixChars && (length <= SearchLimits.IndexedPrefixChars || index == terms.Count - 1);
    }
}
