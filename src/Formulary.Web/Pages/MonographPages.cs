using Formulary.Storage.Rules;
using Formulary.Monographs;
using Formulary.Storage;
using Formulary.Web.Dosing;
using Formulary.Web.Pages.Dose;
using Formulary.Web.Pages.Monograph;
using Formulary.Web.Seo;

namespace Formulary.Web.Pages;

/// <summary>Builds and renders monograph pages from the store: the cached page, and the page with a dose answer.</summary>
internal sealed class MonographPages(IMonographStore store, SiteCache cache, PageRenderer renderer, DoseService dosing)
{
    public async Task<MonographPage?> BuildAsync(Collection collection, string slug)
    {
        var stored = await store.GetAsync(collection, slug).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var all = await cache.SummariesAsync().ConfigureAwait(false);
        var rules = collection == Collection.Composition ? await dosing.RulesAsync(slug).ConfigureAwait(false) : DrugRules.None(slug);
        return MonographPageBuilder.Build(stored.Monograph, all, stored.Version.Number, stored.Version.ImportedAt, rules.Profile is not null) with
        {
            DoseRulesProblem = rules is { HasRules: true, Profile: null } ? rules.ProblemsText : null,
        };
    }

    public Task<CachedPage?> GetCachedAsync(Collection collection, string slug, SiteContext site) =>
        cache.GetOrRenderAsync(collection.UrlPath(slug), async () =>
            await BuildAsync(collection, slug).ConfigureAwait(false) is { } page
                ? CachedPage.Html(await RenderAsync(renderer, page, site, submission: null).ConfigureAwait(false))
                : null);

    public static Task<byte[]> RenderAsync(PageRenderer renderer, MonographPage page, SiteContext site, DoseSubmission? submission) =>
        renderer.RenderUtf8Async<MonographView>(new Dictionary<string, object?>
        {
            ["Head"] = HeadFor(page, site, noIndex: submission is not null),
            ["Site"] = site,
            ["Page"] = page,
            ["Submission"] = submission,
        });

    public static PageHead HeadFor(MonographPage page, SiteContext site, bool noIndex)
    {
        var monograph = page.Monograph;
        var kind = monograph.Collection switch
        {
            Collection.Composition => "uses, dosage, side effects",
            Collection.Combination => "combination: uses, dosage, side effects",
            _ => "brand: composition, strength, price",
        };
        return new PageHead($"{monograph.Title}: {kind} · Formulary", monograph.Description.Full, page.Path)
        {
            JsonLd = JsonLd.ForMonograph(page, site),
            NoIndex = noIndex,
        };
    }
}
