using System.Globalization;
using Formulary.Monographs;

namespace Formulary.Web.Pages.History;

/// <summary>
/// The one way history addresses are written: <c>{monograph page}history/</c> lists the versions and
/// <c>{monograph page}history/{n}/</c> shows what version n changed (from n − 1, or from <c>?from=</c>).
/// </summary>
internal static class HistoryLink
{
    public const string Feed = "/changes.atom";

    public static string For(Collection collection, string slug) => collection.UrlPath(slug) + "history/";

    public static string For(Collection collection, string slug, int version, int? from = null) =>
        For(collection, slug) + version.ToString(CultureInfo.InvariantCulture) + "/"
        + (from is { } other && other != version - 1 ? "?from=" + other.ToString(CultureInfo.InvariantCulture) : string.Empty);

    /// <summary>How a page shows an import instant: UTC, invariant, to the minute.</summary>
    public static string When(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
