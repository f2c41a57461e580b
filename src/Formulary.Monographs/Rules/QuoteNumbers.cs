using System.Globalization;

namespace Formulary.Monographs.Rules;

/// <summary>
/// The numbers a quoted sentence states, for the check that every number in a rule appears in its
/// quote (RULE008). A numeral counts as written and with the conversions a rule applies to it:
/// g → mg (× 1000), mcg → mg (÷ 1000), days or weeks → hours or days (× 24, × 168, × 7), minutes → hours (÷ 60), "n times
/// a day" → every 24/n hours, and "up to 21 years" → below 22. Frequency words count as the numbers
/// they mean (once = 1, twice/BID = 2 and 12 h, TID = 3 and 8 h, QID = 4 and 6 h, daily = 24 h, weekly = 7 days).
/// Anything else, such as a 20 where the sentence says 15, is not in the quote.
/// </summary>
public static class QuoteNumbers
{
    private static readonly Dictionary<string, decimal[]> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["once"] = [1m, 24m],
        ["single"] = [1m],
        ["daily"] = [1m, 24m],
        ["day"] = [1m, 24m],
        ["nightly"] = [1m, 24m],
        ["twice"] = [2m, 12m],
        ["bid"] = [2m, 12m],
        ["thrice"] = [3m, 8m],
        ["tid"] = [3m, 8m],
        ["qid"] = [4m, 6m],
        ["qds"] = [4m, 6m],
        ["tds"] = [3m, 8m],
        ["od"] = [1m, 24m],
        ["weekly"] = [1m, 7m, 168m],
        ["week"] = [1m, 7m, 168m],
        ["fortnightly"] = [14m, 336m],
        ["hourly"] = [1m],
        // Spelt counts mean what their numerals mean, "three times daily" every 8 hours included.
        ["one"] = [1m, 24m],
        ["two"] = [2m, 12m],
        ["three"] = [3m, 8m],
        ["four"] = [4m, 6m],
        ["five"] = [5m],
        ["six"] = [6m, 4m],
        ["seven"] = [7m],
        ["ten"] = [10m],
        ["fourteen"] = [14m],
    };

    public static IReadOnlySet<decimal> Of(string quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var found = new HashSet<decimal>();
        foreach (var numeral in Numerals(quote))
        {
            found.Add(numeral);
            found.Add(numeral * 1000m);
            found.Add(numeral / 1000m);
            found.Add(numeral * 24m);
            found.Add(numeral * 168m);
            found.Add(numeral * 7m);
            found.Add(numeral + 1m);
            found.Add(numeral / 60m);
            if (numeral > 0m && 24m % numeral == 0m)
            {
                found.Add(24m / numeral);
            }
        }

        foreach (var word in quote.Split([' ', ',', '.', ';', ':', '(', ')', '/', '-', '\u2013'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Words.TryGetValue(word.Replace(".", string.Empty, StringComparison.Ordinal), out var values))
            {
                found.UnionWith(values);
            }
        }

        return found;
    }

    public static bool Contains(string quote, decimal value) => Of(quote).Contains(value);

    /// <summary>Every numeral in the text, "1,000" read as one thousand, "0.5" and ".5" as a half.</summary>
    public static IEnumerable<decimal> Numerals(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]) && !(text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && (i == 0 || !char.IsAsciiDigit(text[i - 1]))))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i])
                || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
                || (text[i] == ',' && i + 3 < text.Length && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]) && (i + 4 >= text.Length || !char.IsAsciiDigit(text[i + 4])))))
            {
                i++;
            }

            var numeral = text[start..i].Replace(",", string.Empty, StringComparison.Ordinal);
            if (decimal.TryParse(numeral, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                yield return value;
            }
        }
    }
}
