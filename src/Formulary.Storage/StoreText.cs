using System.Globalization;
using Formulary.Monographs;

namespace Formulary.Storage;

/// <summary>How values are written as database text: collections by API name, instants as round-trip ISO 8601 UTC.</summary>
internal static class StoreText
{
    public static string Collection(Collection collection) => collection.ApiName();

    public static Collection ParseCollection(string text) =>
        CollectionInfo.TryParse(text, out var collection)
            ? collection
            : throw new InvalidOperationException($"stored collection '{text}' is unknown");

    public static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
