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
        foreach (var rune in text.EnumerateRunes())
        {
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
    /// FTS5 query: every word a quoted term, all required; words of <see cref="SearchLimits.MinPrefixChars"/>
    /// or more match as prefixes. Words hold no quote, so quoting is safe.
    /// </summary>
    public static string ToFts5(IReadOnlyList<string> terms) => string.Join(' ', terms.Select(t => IsPrefix(t) ? $"\"{t}\"*" : $"\"{t}\""));

    /// <summary>
    /// tsquery text: the same terms joined with AND. Words hold no operator characters. With
    /// <paramref name="weights"/> (e.g. "ABC") each term matches only in the fields of those weights.
    /// </summary>
    public static string ToTsQuery(IReadOnlyList<string> terms, string weights = "") =>
        string.Join(" & ", terms.Select(t => IsPrefix(t) ? $"{t}:*{weights}" : weights.Length > 0 ? $"{t}:{weights}" : t));

    /// <summary>
    /// A one- or two-letter prefix expands to a large part of the vocabulary and made one query cost
    /// seconds (<c>t a o i n s h r d l c u</c>); such short words match whole words only.
    /// </summary>
    public static bool IsPrefix(string term) => term.Length >= SearchLimits.MinPrefixChars;
}
