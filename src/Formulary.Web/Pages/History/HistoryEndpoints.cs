using System.Globalization;
using Formulary.Monographs;
using Formulary.Storage;

namespace Formulary.Web.Pages.History;

/// <summary>
/// A monograph's history as pages (<see cref="HistoryLink"/>) and the Atom feed of changes
/// (<see cref="ChangesFeed"/>), rendered once per store generation. No page names a server path:
/// versions are shown by number and import time, diffs by line numbers.
/// </summary>
internal static class HistoryEndpoints
{
    public static IEndpointRouteBuilder MapHistoryPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        foreach (var (collection, prefix) in new[] { (Collection.Composition, "/composition"), (Collection.Combination, "/composition/combination"), (Collection.Medicine, "/medicines") })
        {
            pages.MapGet(prefix + "/{slug}/history", (string slug, HttpContext context, IMonographStore store, SiteCache cache, PageRenderer renderer) =>
                RenderAsync(context, store, cache, renderer, collection, slug, null, null));
            pages.MapGet(prefix + "/{slug}/history/{version:int}", (string slug, int version, string? from, HttpContext context, IMonographStore store, SiteCache cache, PageRenderer renderer) =>
                RenderAsync(context, store, cache, renderer, collection, slug, version, from));
        }

        pages.MapGet(HistoryLink.Feed, FeedAsync);
        return app;
    }

    private static async Task<IResult> RenderAsync(
        HttpContext context, IMonographStore store, SiteCache cache, PageRenderer renderer, Collection collection, string slug, int? version, string? fromText)
    {
        int? from = null;
        if (fromText is not null)
        {
            if (version is null || !int.TryParse(fromText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1 || parsed == version)
            {
                return Results.NotFound();
            }

            from = parsed;
        }

        if (!SlugRule.IsValid(slug) || version is < 1)
        {
            return Results.NotFound();
        }

        var address = version is { } number ? HistoryLink.For(collection, slug, number, from) : HistoryLink.For(collection, slug);
        if (CanonicalAddress.RedirectUnless(context, address) is { } redirect)
        {
            return redirect;
        }

        var site = SiteContext.FromRequest(context.Request);
        var page = await cache.GetOrRenderAsync(address, async () =>
            await BuildAsync(store, collection, slug, version, from, context.RequestAborted).ConfigureAwait(false) is { } model
                ? CachedPage.Html(await renderer.RenderUtf8Async<HistoryView>(new Dictionary<string, object?>
                {
                    ["Head"] = new PageHead(
                        model.Shown is { } shown ? $"{model.Title}: version {shown.Number} · Formulary" : $"{model.Title}: history · Formulary",
                        $"Every imported version of the {CollectionNames.Tag(collection)} {model.Title} and what each changed.",
                        address) { NoIndex = true },
                    ["Site"] = site,
                    ["Page"] = model,
                }).ConfigureAwait(false))
                : null).ConfigureAwait(false);
        return page is null ? Results.NotFound() : page.ToResult(context);
    }

    private static async Task<HistoryPage?> BuildAsync(IMonographStore store, Collection collection, string slug, int? version, int? from, CancellationToken cancellationToken)
    {
        var versions = await store.ListVersionsAsync(collection, slug, cancellationToken).ConfigureAwait(false);
        if (versions.Count == 0 || version > versions.Count || from > versions.Count)
        {
            return null;
        }

        // The title today, or for a removed document the title of its newest version.
        var titled = await store.GetAsync(collection, slug, cancellationToken).ConfigureAwait(false)
            ?? await store.GetVersionAsync(collection, slug, versions[^1].Number, cancellationToken).ConfigureAwait(false);
        var page = new HistoryPage(collection, slug, titled!.Monograph.Title, versions);
        if (version is not { } number)
        {
            return page;
        }

        var older = from ?? number - 1;
        return page with
        {
            Shown = versions[number - 1],
            Diff = older < 1 ? null : await store.DiffAsync(collection, slug, older, number, cancellationToken).ConfigureAwait(false),
        };
    }

    private static async Task<IResult> FeedAsync(HttpContext context, IMonographStore store, SiteCache cache)
    {
        var site = SiteContext.FromRequest(context.Request);
        var feed = await cache.GetOrRenderAsync(HistoryLink.Feed, async () => CachedPage.Create(
            ChangesFeed.Write(await store.ListRecentAsync(ChangesFeed.Entries, everyVersion: true, context.RequestAborted).ConfigureAwait(false), site),
            ChangesFeed.ContentType)).ConfigureAwait(false);
        return feed!.ToResult(context);
    }
}
