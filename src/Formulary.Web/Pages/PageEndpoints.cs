using Formulary.Monographs;
using Formulary.Storage;
using Formulary.Storage.Search;
using Formulary.Web.Dosing;
using Formulary.Web.Hosting;
using Formulary.Web.Pages.Browse;
using Formulary.Web.Pages.History;
using Formulary.Web.Pages.Dose;
using Formulary.Web.Problems;
using Formulary.Web.Seo;

namespace Formulary.Web.Pages;

/// <summary>The HTML site: home, search, the three monograph collections, the dose form, sitemap and robots.</summary>
internal static class PageEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    public static IServiceCollection AddFormularyPages(this IServiceCollection services)
    {
        services.AddSingleton<PageRenderer>();
        services.AddSingleton<SiteContextProvider>();
        services.AddSingleton<SiteCache>();
        services.AddSingleton<MonographPages>();
        return services;
    }

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/", HomeAsync);
        // Routing ignores a trailing slash, so each page has one route; the handler redirects to the slash form.
        pages.MapGet("/search", SearchAsync);
        pages.MapGet("/composition/{slug}", (string slug, HttpContext context, MonographPages monographs) =>
            MonographAsync(Collection.Composition, slug, context, monographs));
        pages.MapGet("/composition/combination/{slug}", (string slug, HttpContext context, MonographPages monographs) =>
            MonographAsync(Collection.Combination, slug, context, monographs));
        pages.MapGet("/medicines/{slug}", (string slug, HttpContext context, MonographPages monographs) =>
            MonographAsync(Collection.Medicine, slug, context, monographs));
        // The static export's file names also work on the server, so links into an export resolve here too.
        pages.MapGet("/composition/{slug}/index.html", (string slug, HttpContext context, MonographPages monographs) =>
            CachedMonographAsync(Collection.Composition, slug, context, monographs));
        pages.MapGet("/composition/combination/{slug}/index.html", (string slug, HttpContext context, MonographPages monographs) =>
            CachedMonographAsync(Collection.Combination, slug, context, monographs));
        pages.MapGet("/medicines/{slug}/index.html", (string slug, HttpContext context, MonographPages monographs) =>
            CachedMonographAsync(Collection.Medicine, slug, context, monographs));
        pages.MapPost("/composition/{slug}/dose", DoseAsync).DisableAntiforgery();
        pages.MapGet("/composition/{slug}/dose", DoseFromQueryAsync);
        pages.MapGet("/sitemap.xml", SitemapAsync);
        pages.MapGet("/robots.txt", (HttpContext context) =>
            Results.Text(SitemapWriter.Robots(SiteContext.FromRequest(context.Request)), "text/plain; charset=utf-8"));
        app.MapBrowsePages();
        app.MapHistoryPages();
        return app;
    }

    /// <summary>How many recently updated monographs the home page lists.</summary>
    public const int HomeRecent = 10;

    private static async Task<IResult> HomeAsync(HttpContext context, IMonographStore store, SiteCache cache, PageRenderer renderer)
    {
        var site = SiteContext.FromRequest(context.Request);
        var page = await cache.GetOrRenderAsync("/", async () => CachedPage.Html(await renderer.RenderUtf8Async<Home.HomePage>(
            new Dictionary<string, object?>
            {
                ["Head"] = new PageHead("Formulary · medicine reference", "Search drug monographs by generic or brand name; doses with every step shown.", "/")
                {
                    JsonLd = [JsonLd.WebSite(site)],
                },
                ["Site"] = site,
                ["Counts"] = new BrowseCounts(await store.CountByLetterAsync(context.RequestAborted).ConfigureAwait(false)),
                ["Recent"] = await store.ListRecentAsync(HomeRecent, everyVersion: false, context.RequestAborted).ConfigureAwait(false),
            }).ConfigureAwait(false))).ConfigureAwait(false);
        return page!.ToResult(context);
    }

    private static async Task<IResult> MonographAsync(Collection collection, string slug, HttpContext context, MonographPages monographs)
    {
        // An address written from a file name before the slug rule (an apostrophe, a comma) moves to its slug, and one without
        // its final '/' to the page's address; only to a page that exists: a redirect to a 404 is answered as the 404 itself.
        var target = SlugRule.IsValid(slug) ? slug : SlugRule.Normalize(slug);
        if (target != slug || !context.Request.Path.Value!.EndsWith('/'))
        {
            return SlugRule.IsValid(target) && await monographs.GetCachedAsync(collection, target, SiteContext.FromRequest(context.Request)).ConfigureAwait(false) is not null
                ? Results.Redirect(collection.UrlPath(target), permanent: true)
                : Results.NotFound();
        }

        return await CachedMonographAsync(collection, slug, context, monographs).ConfigureAwait(false);
    }

    private static async Task<IResult> CachedMonographAsync(Collection collection, string slug, HttpContext context, MonographPages monographs)
    {
        if (!SlugRule.IsValid(slug))
        {
            return Results.NotFound();
        }

        var page = await monographs.GetCachedAsync(collection, slug, SiteContext.FromRequest(context.Request)).ConfigureAwait(false);
        return page is null ? Results.NotFound() : page.ToResult(context);
    }

    private static async Task<IResult> SearchAsync(HttpContext context, string? q, int? offset, int? limit, string? collection, string? correct, SiteCache cache, PageRenderer renderer)
    {
        var query = (q ?? string.Empty).Trim();
        var request = new SearchRequest(query)
        {
            Offset = Math.Clamp(offset ?? 0, 0, SearchLimits.MaxOffset),
            Limit = Math.Clamp(limit ?? SearchLimits.DefaultLimit, 1, SearchLimits.MaxLimit),
            // The page forgives what the API refuses: an unknown collection shows every collection.
            Collection = CollectionInfo.TryParse(collection, out var only) ? only : null,
            Correct = correct is not ("false" or "0"),
            Arrived = RequestArrival.Of(context),
        };
        var results = query.Length == 0 ? null : await cache.SearchAsync(request, context.RequestAborted).ConfigureAwait(false);
        var title = query.Length == 0 ? "Search · Formulary" : $"{query}: search · Formulary";
        var html = await renderer.RenderUtf8Async<Search.SearchView>(new Dictionary<string, object?>
        {
            ["Head"] = new PageHead(title, "Search Formulary's medicine monographs.", "/search") { NoIndex = true },
            ["Site"] = SiteContext.FromRequest(context.Request),
            ["Query"] = query,
            ["Results"] = results,
        }).ConfigureAwait(false);
        return Results.Bytes(html, Html);
    }

    private static async Task<IResult> DoseAsync(string slug, HttpContext context, MonographPages monographs, DoseService dosing, PageRenderer renderer)
    {
        var page = SlugRule.IsValid(slug) ? await monographs.BuildAsync(Collection.Composition, slug).ConfigureAwait(false) : null;
        if (page is null || !page.HasDoseCalculator || !context.Request.HasFormContentType)
        {
            return Results.NotFound();
        }

        var values = DoseFormValues.FromForm(await FormBody.ReadAsync(context.Request).ConfigureAwait(false));
        return await AnswerDoseAsync(slug, page, values, context, dosing, renderer).ConfigureAwait(false);
    }

    /// <summary>
    /// The dose form filled from the query string (the links CDS Hooks cards carry, prefilled with the
    /// patient), computed and shown like a submitted form; read with the same field names and rules.
    /// </summary>
    private static async Task<IResult> DoseFromQueryAsync(string slug, HttpContext context, MonographPages monographs, DoseService dosing, PageRenderer renderer)
    {
        var page = SlugRule.IsValid(slug) ? await monographs.BuildAsync(Collection.Composition, slug).ConfigureAwait(false) : null;
        if (page is null || !page.HasDoseCalculator)
        {
            return Results.NotFound();
        }

        var values = DoseFormValues.FromForm(new FormCollection(context.Request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal)));
        return await AnswerDoseAsync(slug, page, values, context, dosing, renderer).ConfigureAwait(false);
    }

    private static async Task<IResult> AnswerDoseAsync(string slug, Monograph.MonographPage page, DoseFormValues values, HttpContext context, DoseService dosing, PageRenderer renderer)
    {
        var (input, inputErrors) = values.ToInput();
        var answer = inputErrors.Count > 0 ? null : (await dosing.DoseAsync(slug, input).ConfigureAwait(false)).Answer;
        var html = await MonographPages.RenderAsync(renderer, page, SiteContext.FromRequest(context.Request), new DoseSubmission(values, answer, inputErrors)).ConfigureAwait(false);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Bytes(html, Html);
    }

    private static async Task<IResult> SitemapAsync(HttpContext context, SiteCache cache)
    {
        var page = await cache.GetOrRenderAsync("/sitemap.xml", async () =>
            CachedPage.Create(SitemapWriter.Sitemap(await cache.SummariesAsync().ConfigureAwait(false), SiteContext.FromRequest(context.Request)), "application/xml; charset=utf-8"))
            .ConfigureAwait(false);
        return page!.ToResult(context);
    }
}
