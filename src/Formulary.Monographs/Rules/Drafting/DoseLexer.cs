using System.Globalization;

namespace Formulary.Monographs.Rules.Drafting;

/// <summary>
/// Splits a sentence into tokens for the grammar: "15mg/kg/dose" is 15, mg, /, kg, /, dose; "q8h" is
/// q, 8, h; "1,000" is one number; en and em dashes are dashes; "mg/m²" ends in the word m2; "µg"
/// and "μg" are mcg; "x" and "×" between numbers or before "(" are a multiplication sign.
/// </summary>
internal static class DoseLexer
{
    public static DoseToken[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<DoseToken>(text.Length / 3);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && (i == 0 || !char.IsAsciiDigit(text[i - 1]))))
            {
                i = Number(text, i, tokens);
            }
            else if (char.IsLetter(c) || c is 'µ' or 'μ')
            {
                i = Word(text, i, tokens);
            }
            else
            {
                tokens.Add(new DoseToken(Symbol(text, i, out var length), text.Substring(i, length), 0m, i, i + length));
                i += length;
            }
        }

        return [.. tokens];
    }

    private static int Number(string text, int start, List<DoseToken> tokens)
    {
        var i = start;
        while (i < text.Length && (char.IsAsciiDigit(text[i])
            || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            || (text[i] == ',' && IsThousands(text, i))))
        {
            i++;
        }

        var value = decimal.Parse(text[start..i].Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        tokens.Add(new DoseToken(TokenKind.Number, text[start..i], value, start, i));
        return i;
    }

    /// <summary>A comma followed by exactly three digits ("1,000", "12,000") groups thousands.</summary>
    private static bool IsThousands(string text, int comma) =>
        comma + 3 < text.Length
        && char.IsAsciiDigit(text[comma + 1]) && char.IsAsciiDigit(text[comma + 2]) && char.IsAsciiDigit(text[comma + 3])
        && (comma + 4 >= text.Length || !char.IsAsciiDigit(text[comma + 4]));

    private static int Word(string text, int start, List<DoseToken> tokens)
    {
        var i = start;
        while (i < text.Length && (char.IsLetter(text[i]) || text[i] is 'µ' or 'μ' or '²' or '\''))
        {
            i++;
        }

        var word = text[start..i].ToLowerInvariant().Replace('μ', 'µ');
        // "mg/m2", "mg/m^2": the square metre
        if (word == "m" && i < text.Length && (text[i] == '2' || (text[i] == '^' && i + 1 < text.Length && text[i + 1] == '2')))
        {
            var end = text[i] == '^' ? i + 2 : i + 1;
            if (end >= text.Length || !char.IsAsciiDigit(text[end]))
            {
                tokens.Add(new DoseToken(TokenKind.Word, "m2", 0m, start, end));
                return end;
            }
        }

        // "q8h", "q12h": q, the hours, h
        if (word == "q" && i < text.Length && char.IsAsciiDigit(text[i]))
        {
            tokens.Add(new DoseToken(TokenKind.Word, "q", 0m, start, i));
            return i;
        }

        // "b.i.d.", "t.i.d.", "q.i.d.", "o.d.": read as one word
        if (word.Length == 1 && i + 1 < text.Length && text[i] == '.' && char.IsLetter(text[i + 1]))
        {
            var end = i;
            var letters = word;
            while (end + 1 < text.Length && text[end] == '.' && char.IsLetter(text[end + 1]) && (end + 2 >= text.Length || !char.IsLetter(text[end + 2])))
            {
                letters += char.ToLowerInvariant(text[end + 1]);
                end += 2;
            }

            if (letters is "bid" or "tid" or "qid" or "od" or "qd" or "qds" or "tds" or "bd" or "prn" or "po" or "iv" or "im" or "sc")
            {
                end = end < text.Length && text[end] == '.' ? end + 1 : end;
                tokens.Add(new DoseToken(TokenKind.Word, letters, 0m, start, end));
                return end;
            }
        }

        tokens.Add(new DoseToken(TokenKind.Word, Normalize(word), 0m, start, i));
        return i;
    }

    private static string Normalize(string word) => word switch
    {
        "µg" or "ug" or "micrograms" or "microgram" => "mcg",
        "m²" => "m2",
        "milligrams" or "milligram" => "mg",
        "grams" or "gram" or "gm" or "gms" => "g",
        "kilograms" or "kilogram" or "kgs" => "kg",
        "hrs" or "hr" or "hours" => "hour",
        "mins" or "minutes" or "minute" => "min",
        "days" => "day",
        "weeks" or "wk" or "wks" => "week",
        "months" or "mo" => "month",
        "years" or "yrs" or "yr" or "year" => "year",
        "doses" => "dose",
        "times" => "time",
        _ => word,
    };

    private static TokenKind Symbol(string text, int i, out int length)
    {
        length = 1;
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        switch (c)
        {
            case '-' or '–' or '—' or '‑':
                return TokenKind.Dash;
            case '/':
                return TokenKind.Slash;
            case ':':
                return TokenKind.Colon;
            case ';':
                return TokenKind.Semicolon;
            case ',':
                return TokenKind.Comma;
            case '.':
                return TokenKind.Period;
            case '(' or '[':
                return TokenKind.Open;
            case ')' or ']':
                return TokenKind.Close;
            case '<' when next == '=':
                length = 2;
                return TokenKind.LessOrEqual;
            case '>' when next == '=':
                length = 2;
                return TokenKind.GreaterOrEqual;
            case '<':
                return TokenKind.Less;
            case '>':
                return TokenKind.Greater;
            case '≤' or '⩽':
                return TokenKind.LessOrEqual;
            case '≥' or '⩾':
                return TokenKind.GreaterOrEqual;
            case '=':
                return TokenKind.Equals;
            case '%':
                return TokenKind.Percent;
            case '+':
                return TokenKind.Plus;
            case '×' or '*':
                return TokenKind.Times;
            default:
                return TokenKind.Other;
        }
    }
}
