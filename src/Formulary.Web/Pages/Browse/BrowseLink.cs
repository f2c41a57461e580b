using System.Globalization;
using Formulary.Monographs;

namespace Formulary.Web.Pages.Browse;

/// <summary>
/// The one way A–Z addresses are written: <c>/browse/</c>, <c>/browse/{collection}/</c> and
/// <c>/browse/{collection}/{letter}/</c> with <c>?page=N</c> from the second page on (ADR 0014).
/// </summary>
internal static class BrowseLink
{
    public const string Index = "/browse/";

    public static string For(Collection collection) => $"/browse/{collection.ApiName()}/";

    public static string For(Collection collection, string letter, int page = 1) =>
        page > 1
            ? $"/browse/{collection.ApiName()}/{letter}/?page={page.ToString(CultureInfo.InvariantCulture)}"
            : $"/browse/{collection.ApiName()}/{letter}/";
}
