using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Utility;

namespace Formulary.Web.Fhir.Subset;

/// <summary>
/// FHIR R4 primitive values read conservatively: a value is taken only when it is certainly valid (a narrower
/// rule than the specification's regular expression where that is simpler), else the reader answers "not in the
/// subset" (null) and the caller falls back to the Firely SDK, which accepts or refuses it with its own message.
/// Nothing here refuses a value; it only declines to decide. Each reads the value the reader is on (a name's value,
/// an array's item) and leaves the reader on its last token.
/// </summary>
internal static class SubsetPrimitives
{
    /// <summary>Longest string taken here; a longer one is left to Firely (whose limit is 1 MB).</summary>
    private const int MaxString = 10_000;

    private static readonly FrozenSet<string> KnownSystems = FrozenSet.Create(
        StringComparer.Ordinal,
        "http://loinc.org", "http://unitsofmeasure.org", "http://snomed.info/sct", "http://www.nlm.nih.gov/research/umls/rxnorm",
        "http://terminology.hl7.org/CodeSystem/observation-category");

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>A non-empty string of visible characters and single spaces, no longer than <see cref="MaxString"/>.</summary>
    public static string? String(ref Utf8JsonReader value)
    {
        if (value.TokenType != JsonTokenType.String || value.GetString() is not { Length: > 0 and <= MaxString } text)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || (char.IsWhiteSpace(c) && c != ' '))
            {
                return null;
            }
        }

        return text.Trim().Length == text.Length ? text : null;
    }

    /// <summary>A code (R4: no leading, trailing or repeated whitespace): taken here only without any whitespace.</summary>
    public static string? Code(ref Utf8JsonReader value) =>
        String(ref value) is { } text && !text.Contains(' ', StringComparison.Ordinal) ? text : null;

    /// <summary>A code bound to one of Firely's enumerations, by its FHIR literal.</summary>
    public static TEnum? Enum<TEnum>(ref Utf8JsonReader value)
        where TEnum : struct, System.Enum =>
        Code(ref value) is { } literal ? EnumUtility.ParseLiteral<TEnum>(literal) : null;

    /// <summary>An id: 1 to 64 of A–Z, a–z, 0–9, '-' and '.'.</summary>
    public static string? Id(ref Utf8JsonReader value) =>
        String(ref value) is { Length: <= 64 } text && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.') ? text : null;

    /// <summary>An absolute http(s) or urn URI without whitespace (the code systems EHRs name on every call are known without parsing).</summary>
    public static string? Uri(ref Utf8JsonReader value) =>
        Code(ref value) is { Length: <= 4096 } text
            && (KnownSystems.Contains(text)
                || ((text.StartsWith("http://", StringComparison.Ordinal) || text.StartsWith("https://", StringComparison.Ordinal) || text.StartsWith("urn:", StringComparison.Ordinal))
                    && System.Uri.IsWellFormedUriString(text, UriKind.Absolute)))
            ? text
            : null;

    /// <summary>A full date (YYYY-MM-DD) that exists; partial dates are left to Firely.</summary>
    public static string? Date(ref Utf8JsonReader value) =>
        Code(ref value) is { Length: 10 } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? text : null;

    /// <summary>A dateTime: a full date, or a date and time to the second with a time zone.</summary>
    public static string? DateTime(ref Utf8JsonReader value)
    {
        if (Date(ref value) is { } date)
        {
            return date;
        }

        return Code(ref value) is { Length: >= 20 and <= 35 } text
            && text[10] == 'T'
            && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? text
            : null;
    }

    /// <summary>A decimal written plainly (digits, an optional point and fraction; no exponent) that fits .NET's decimal.</summary>
    public static decimal? Decimal(ref Utf8JsonReader value)
    {
        if (value.TokenType != JsonTokenType.Number)
        {
            return null;
        }

        var raw = value.ValueSpan;
        if (raw.Length > 28 || raw.IndexOfAny((byte)'e', (byte)'E') >= 0)
        {
            return null;
        }

        return value.TryGetDecimal(out var number) ? number : null;
    }

    /// <summary>A positiveInt: a whole number from 1, written without a point or exponent.</summary>
    public static int? PositiveInt(ref Utf8JsonReader value) =>
        value.TokenType == JsonTokenType.Number && value.TryGetInt32(out var number) && number >= 1 && !value.ValueSpan.ContainsAnyExceptInRange((byte)'0', (byte)'9') ? number : null;
}
