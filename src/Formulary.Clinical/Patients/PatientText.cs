using System.Globalization;
using Formulary.Clinical.Calculators;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Patients;

/// <summary>
/// How text edges (CLI options, the HTML form) read a value, one way for all: numbers are invariant
/// with a '.' for decimals and no grouping separators (a comma is refused, never guessed as either),
/// dates are YYYY-MM-DD, words are the documented ones. A failure is a message saying what to write.
/// </summary>
public static class PatientText
{
    public static bool TryNumber(string text, out decimal value, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        value = 0m;
        error = string.Empty;
        if (t.Contains(',', StringComparison.Ordinal))
        {
            error = Invariant($"'{t}' contains a comma: write decimals with a point (e.g. 10.5) and no thousands separators; a comma could mean either, so it is not read");
            return false;
        }

        if (!IsPlainNumber(t))
        {
            error = Invariant($"'{t}' is not a number; write digits with a '.' for decimals (e.g. 10.5)");
            return false;
        }

        if (!decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            error = Invariant($"'{t}' is too large to be a value");
            return false;
        }

        return true;
    }

    public static bool TryDate(string text, out DateOnly value, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = string.Empty;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        error = Invariant($"'{text.Trim()}' is not a date; write YYYY-MM-DD (e.g. 2026-03-02)");
        return false;
    }

    public static bool TrySex(string text, out Sex value, out string error) =>
        TryWord(text, [("female", Sex.Female), ("male", Sex.Male)], out value, out error);

    public static bool TryHepatic(string text, out HepaticImpairment value, out string error) =>
        TryWord(text, [("none", HepaticImpairment.None), ("mild", HepaticImpairment.Mild), ("moderate", HepaticImpairment.Moderate), ("severe", HepaticImpairment.Severe)], out value, out error);

    /// <summary><c>yes</c>, <c>no</c> or <c>not-asked</c>.</summary>
    public static bool TryScreen(string text, out ScreenAnswer value, out string error) =>
        TryWord(text, [("yes", ScreenAnswer.Yes), ("no", ScreenAnswer.No), ("not-asked", ScreenAnswer.NotAsked)], out value, out error);

    public static bool TryFormula(string text, out BsaFormula value, out string error) =>
        TryWord(text, [.. Enum.GetValues<BsaFormula>().Select(f => (BsaCalculator.WireName(f), f))], out value, out error);

    private static bool TryWord<T>(string text, (string Word, T Value)[] words, out T value, out string error)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        foreach (var (word, candidate) in words)
        {
            if (string.Equals(t, word, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                error = string.Empty;
                return true;
            }
        }

        value = default;
        error = Invariant($"'{t}' is not understood; use {string.Join(", ", words.Select(w => w.Word))}");
        return false;
    }

    /// <summary>Optional '-' or '+', digits, at most one '.', at least one digit; nothing else (no exponent, no spaces).</summary>
    private static bool IsPlainNumber(string t)
    {
        var start = t.Length > 0 && t[0] is '-' or '+' ? 1 : 0;
        var digits = 0;
        var points = 0;
        for (var i = start; i < t.Length; i++)
        {
            if (char.IsAsciiDigit(t[i]))
            {
                digits++;
            }
            else if (t[i] == '.' && points++ == 0)
            {
                continue;
            }
            else
            {
                return false;
            }
        }

        return digits > 0;
    }
}
