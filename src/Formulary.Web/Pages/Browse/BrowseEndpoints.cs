using System.Globalization;
using Formulary.Monographs;
using Formulary.Storage;
using Formulary.Storage.Browsing;

namespace Formulary.Web.Pages.Browse;

/// <summary>
/// The A–Z pages (<see cref="BrowseLink"/>): read from the store a page at a time, rendered once per
/// store generation. An address in another spelling (<c>/browse/Compositions/C</c>) moves to its one
/// canonical form; a letter, collection or page that does not exist is a 404.
/// </summary>
internal static class BrowseEndpoints
{
    public static IEndpointRouteBuilder MapBrowsePages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/browse", (HttpContext context, IMonographStore store, SiteCache cache, PageRenderer renderer) =>
            RenderAsync(context, store, cache, renderer, null, null, 1));
        pages.MapGet("/browse/{collection}", (string collection, HttpContext context, IMonographStore store, SiteCache cache, PageRenderer renderer) =>
            CollectionAsync(context, store, cache, renderer, collection, null, null));
        pages.MapGet("/browse/{collection}/{letter}", (string collection, string letter, string? page, HttpContext context, IMonographStore store, SiteCache cache, PageRenderer renderer) =>
            CollectionAsync(context, store, cache, renderer, collection, letter, page));
        return app;
    }

    private static async Task<IResult> CollectionAsync(
        HttpContext context, IMonographStore store, SiteCache cache, PageRenderer renderer, string collectionName, string? letterName, string? pageText)
    {
        if (!CollectionInfo.TryParse(collectionName, out var collection))
        {
            return Results.NotFound();
        }

        var letter = letterName?.ToLowerInvariant();
        if (letter is not null && !BrowseLetter.IsValid(letter))
        {
            return Results.NotFound();
        }

        var page = 1;
        if (pageText is not null && (letter is null || !int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return Results.NotFound();
        }

        return await RenderAsync(context, store, cache, renderer, collection, letter, page).ConfigureAwait(false);
    }

    private static async Task<IResult> RenderAsync(
        HttpContext context, IMonographStore store, SiteCache cache, PageRenderer renderer, Collection? collection, string? letter, int page)
    {
        var canonical = collection is not { } only ? BrowseLink.Index : letter is null ? BrowseLink.For(only) : BrowseLink.For(only, letter);
        var address = collection is { } c && letter is not null ? BrowseLink.For(c, letter, page) : canonical;
        if (CanonicalAddress.RedirectUnless(context, address) is { } redirect)
        {
            return redirect;
        }

        var site = SiteContext.FromRequest(context.Request);
        var rendered = await cache.GetOrRenderAsync(address, async () =>
        {
            var counts = new BrowseCounts(await store.CountByLetterAsync(context.RequestAborted).ConfigureAwait(false));
            var model = new BrowsePage(counts, collection, letter, page, []);
            if (page > model.PageCount)
            {
                return null;
            }

            if (collection is { } listed && letter is not null && model.Total > 0)
            {
                model = model with { Items = await store.BrowseAsync(listed, letter, model.Offset, BrowsePage.PageSize, context.RequestAborted).ConfigureAwait(false) };
            }

            return CachedPage.Html(await renderer.RenderUtf8Async<BrowseView>(new Dictionary<string, object?>
            {
                ["Head"] = new PageHead(Title(collection, letter, page), Description(collection), canonical),
                ["Site"] = site,
                ["Page"] = model,
            }).ConfigureAwait(false));
        }).ConfigureAwait(false);
        return rendered is null ? Results.NotFound() : rendered.ToResult(context);
    }

    private static string Title(Collection? collection, string? letter, int page) => collection switch
    {
        null => "Browse A to Z · Formulary",
        { } only when letter is null => $"{CollectionNames.Plural(only)} A to Z · Formulary",
        { } only => $"{CollectionNames.Plural(only)}: {BrowseLetter.Label(letter)}{(page > 1 ? $", page {page}" : "")} · Formulary",
    };

    private static string Description(Collection? collection) =>
        collection is { } only
            ? $"Every {CollectionNames.Tag(only)} in Formulary, A to Z."
            : "Every composition, combination and brand in Formulary, A to Z.";
}
