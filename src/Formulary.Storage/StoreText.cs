using System.Globalization;
using Formulary.Monographs;

namespace Formulary.Storage;

/// <summary>How values are written as database text: collections by API name, instants as round-trip ISO 8601 UTC.</summary>
internal static class StoreText
{
    public static string Collection(Collection collection) => collection.ApiName();

    /// <summary>The names <see cref="Collection(Collection)"/> writes first: read for every row of an import's state.</summary>
    public static Collection ParseCollection(string text) => text switch
    {
        "compositions" => Monographs.Collection.Composition,
        "combinations" => Monographs.Collection.Combination,
        "medicines" => Monographs.Collection.Medicine,
        _ when CollectionInfo.TryParse(text, out var collection) => collection,
        _ => throw new InvalidOperationException($"stored collection '{text}' is unknown"),
    };

    /// <summary>As <see cref="ParseCollection(string)"/>, from the stored UTF-8, without a string for the names it writes.</summary>
    public static Collection ParseCollection(ReadOnlySpan<byte> utf8) =>
        utf8.SequenceEqual("compositions"u8) ? Monographs.Collection.Composition
        : utf8.SequenceEqual("combinations"u8) ? Monographs.Collection.Combination
        : utf8.SequenceEqual("medicines"u8) ? Monographs.Collection.Medicine
        : ParseCollection(System.Text.Encoding.UTF8.GetString(utf8));

    public static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>An instant as either provider returns it: ISO text (SQLite) or a UTC timestamp (PostgreSQL).</summary>
    public static DateTimeOffset ReadInstant(object value) => value switch
    {
        string text => ParseInstant(text),
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        var other => (DateTimeOffset)other,
    };

    /// <summary>
    /// PostgreSQL text cannot hold U+0000 (SQLite can); the stores keep the same text, so a NUL becomes
    /// U+FFFD on both, the replacement the parser uses for undecodable bytes.
    /// </summary>
    public static string Clean(string text) =>
        text.Contains('\0', StringComparison.Ordinal) ? text.Replace('\0', '\uFFFD') : text;
}
