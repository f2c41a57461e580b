using System.Collections.Concurrent;
using Formulary.Monographs;
using Formulary.Storage.Listing;
using Formulary.Web.Assets;
using Formulary.Web.Pages;
using Formulary.Web.Pages.Monograph;
using Formulary.Web.Seo;
using MonographModel = Formulary.Monographs.Model.Monograph;

namespace Formulary.Web.Export;

/// <summary>
/// Writes the whole site as static files a CDN can host with no server: every monograph page (the
/// same components and sanitizer as the live site), home, search (client-side, over
/// <c>search-index.json</c>), 404, sitemap, robots and the fingerprinted assets. Pages are rendered in
/// parallel, one renderer per worker; a slug that would write outside the output folder is skipped.
/// </summary>
/// <remarks>
/// Streamed: the exporter holds the list of summaries (for links and the sitemap) and one search-index
/// entry per document (a few hundred characters), never every monograph: each is loaded when its page is
/// rendered (<c>load</c>: from the store, or from a folder already parsed) and let go once the page is
/// written, so a 100,000-document store exports in bounded memory.
/// </remarks>
public static class SiteExporter
{
    /// <summary>Exports monographs already in memory (a content folder parsed for an editor's preview).</summary>
    public static Task<ExportReport> ExportAsync(
        IReadOnlyList<MonographModel> monographs,
        IReadOnlySet<string> drugsWithDoseRules,
        string outputDirectory,
        string baseUrl,
        TimeProvider time,
        IProgress<ExportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var (summaries, load) = InMemory(monographs, time);
        return ExportAsync(summaries, load, drugsWithDoseRules, outputDirectory, baseUrl, time, progress, cancellationToken);
    }

    /// <summary>The summaries and loader of monographs held in memory (stamped with the time of the export).</summary>
    public static (IReadOnlyList<MonographSummary> Summaries, Func<int, CancellationToken, ValueTask<MonographModel?>> Load) InMemory(
        IReadOnlyList<MonographModel> monographs, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(monographs);
        ArgumentNullException.ThrowIfNull(time);
        var exportedAt = time.GetUtcNow();
        return ([.. monographs.Select(m => MonographSummary.From(m, version: 0, exportedAt))], (index, _) => ValueTask.FromResult<MonographModel?>(monographs[index]));
    }

    /// <summary>
    /// Exports the documents <paramref name="summaries"/> lists, loading each one's monograph by its index in
    /// the list when its page is written (null: gone since it was listed, skipped).
    /// </summary>
    public static async Task<ExportReport> ExportAsync(
        IReadOnlyList<MonographSummary> summaries,
        Func<int, CancellationToken, ValueTask<MonographModel?>> load,
        IReadOnlySet<string> drugsWithDoseRules,
        string outputDirectory,
        string baseUrl,
        TimeProvider time,
        IProgress<ExportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(drugsWithDoseRules);
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetTimestamp();
        var root = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(root);
        var site = new SiteContext(baseUrl.TrimEnd('/'), IsStatic: true);
        var total = summaries.Count + 6 + SiteAssets.Shared.All.Count;
        var done = 0;
        long bytes = 0;
        var pages = 0;
        var renderers = new ConcurrentBag<PageRenderer>();
        var searchEntries = new SearchIndexEntry?[summaries.Count];

        void Written(long length)
        {
            Interlocked.Add(ref bytes, length);
            var count = Interlocked.Increment(ref done);
            progress?.Report(new ExportProgress(count, total));
        }

        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, summaries.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                async (index, token) =>
                {
                    var summary = summaries[index];
                    var target = PageFile(root, summary.Collection.UrlPath(summary.Slug));
                    if (target is null || await load(index, token).ConfigureAwait(false) is not { } monograph)
                    {
                        Written(0);
                        return;
                    }

                    searchEntries[index] = SearchIndexEntry.From(monograph);
                    var renderer = renderers.TryTake(out var pooled) ? pooled : PageRenderer.CreateStandalone();
                    try
                    {
                        var page = MonographPageBuilder.Build(monograph, summaries, version: null, importedAt: null, drugsWithDoseRules.Contains(monograph.Slug));
                        var html = await MonographPages.RenderAsync(renderer, page, site, submission: null).ConfigureAwait(false);
                        await WriteAsync(target, html, token).ConfigureAwait(false);
                        Interlocked.Increment(ref pages);
                        Written(html.Length);
                    }
                    finally
                    {
                        renderers.Add(renderer);
                    }
                }).ConfigureAwait(false);

            var renderer = renderers.TryTake(out var any) ? any : PageRenderer.CreateStandalone();
            renderers.Add(renderer);
            foreach (var (path, content) in await FixedPagesAsync(renderer, site).ConfigureAwait(false))
            {
                await WriteAsync(Path.Combine(root, path), content, cancellationToken).ConfigureAwait(false);
                Written(content.Length);
            }

            await WriteAsync(Path.Combine(root, "sitemap.xml"), SitemapWriter.Sitemap(summaries, site), cancellationToken).ConfigureAwait(false);
            Written(0);
            await WriteAsync(Path.Combine(root, "robots.txt"), System.Text.Encoding.UTF8.GetBytes(SitemapWriter.Robots(site)), cancellationToken).ConfigureAwait(false);
            Written(0);
            await using (var index = File.Create(Path.Combine(root, "search-index.json")))
            {
                SearchIndexWriter.Write(index, searchEntries.OfType<SearchIndexEntry>());
                Written(index.Length);
            }

            foreach (var asset in SiteAssets.Shared.All)
            {
                await WriteAsync(Path.Combine(root, asset.Url.TrimStart('/')), asset.Content.ToArray(), cancellationToken).ConfigureAwait(false);
                Written(asset.Content.Length);
            }
        }
        finally
        {
            foreach (var renderer in renderers)
            {
                await renderer.DisposeAsync().ConfigureAwait(false);
            }
        }

        return new ExportReport(pages, done, Interlocked.Read(ref bytes), time.GetElapsedTime(started));
    }

    private static async Task<IReadOnlyList<(string Path, byte[] Content)>> FixedPagesAsync(PageRenderer renderer, SiteContext site)
    {
        var home = await renderer.RenderUtf8Async<Pages.Home.HomePage>(new Dictionary<string, object?>
        {
            ["Head"] = new PageHead("Formulary · medicine reference", "Search drug monographs by generic or brand name.", "/") { JsonLd = [JsonLd.WebSite(site)] },
            ["Site"] = site,
        }).ConfigureAwait(false);
        var search = await renderer.RenderUtf8Async<Pages.Search.SearchView>(new Dictionary<string, object?>
        {
            ["Head"] = new PageHead("Search · Formulary", "Search Formulary's medicine monographs.", "/search/") { NoIndex = true },
            ["Site"] = site,
        }).ConfigureAwait(false);
        var notFound = await renderer.RenderUtf8Async<Pages.NotFound.NotFoundView>(new Dictionary<string, object?>
        {
            ["Head"] = new PageHead("Page not found · Formulary", "No page exists at this address.", "/") { NoIndex = true },
            ["Site"] = site,
            ["Path"] = "this address",
        }).ConfigureAwait(false);
        return [("index.html", home), (Path.Combine("search", "index.html"), search), ("404.html", notFound)];
    }

    /// <summary>The index.html for a page URL, or null when the URL would leave the output folder.</summary>
    private static string? PageFile(string root, string urlPath)
    {
        var relative = urlPath.Trim('/');
        if (relative.Split('/').Any(part => part is "" or "." or ".."))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(root, relative, "index.html"));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    private static async Task WriteAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content, cancellationToken).ConfigureAwait(false);
    }
}
