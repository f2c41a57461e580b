using Formulary.Clinical;

namespace Formulary.Monographs.Rules;

/// <summary>
/// How a rule's quote is compared with the monograph: both sides have <c>**</c> and <c>__</c>
/// emphasis markers removed and every run of white space (line breaks, the seed's double spaces)
/// collapsed to one space; then the quote must be an exact, case-sensitive substring. Nothing
/// else is forgiven: a changed word, number or punctuation mark makes the quote stale.
/// </summary>
public static class QuoteText
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SingleSpacedText.Of(text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal));
    }

    public static bool Contains(string haystack, string quote) =>
        Normalize(haystack).Contains(Normalize(quote), StringComparison.Ordinal);
}
