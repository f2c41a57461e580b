using System.Collections.Concurrent;
using Formulary.Monographs;
using Formulary.Storage.Listing;
using Formulary.Storage.Versions;
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
/// Streamed: the exporter holds the list of summaries (for links and the sitemap), never every monograph; each
/// document's search-index entry goes to a temporary file as its page is written (<see cref="SearchIndexSpool"/>): they arrive one after another
/// (from the store in one read, or from a folder already parsed), each is rendered as it comes and let go
/// once its page is written, so a 100,000-document store exports in bounded memory.
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
        var (summaries, stream) = InMemory(monographs, time);
        return ExportAsync(summaries, stream, drugsWithDoseRules, outputDirectory, baseUrl, time, progress, cancellationToken);
    }

    /// <summary>The summaries and stream of monographs held in memory (stamped with the time of the export).</summary>
    public static (IReadOnlyList<MonographSummary> Summaries, IAsyncEnumerable<LiveMonographRow> Monographs) InMemory(
        IReadOnlyList<MonographModel> monographs, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(monographs);
        ArgumentNullException.ThrowIfNull(time);
        var exportedAt = time.GetUtcNow();
        return ([.. monographs.Select(m => MonographSummary.From(m, version: 0, exportedAt))], monographs.Select(m => LiveMonographRow.Of(new LiveMonograph(m, Sections: null))).ToAsyncEnumerable());
    }

    /// <summary>
    /// Exports the documents <paramref name="summaries"/> lists, rendering each page as its monograph arrives
    /// from <paramref name="monographs"/> (with its sections rendered at import when the store has them, else rendered
    /// here). Each worker unpacks the rows it takes. A listed document that never arrives (removed since it was listed)
    /// gets no page; one that arrives unlisted (added since) is skipped, as the links and sitemap do not know it.
    /// </summary>
    public static async Task<ExportReport> ExportAsync(
        IReadOnlyList<MonographSummary> summaries,
        IAsyncEnumerable<LiveMonographRow> monographs,
        IReadOnlySet<string> drugsWithDoseRules,
        string outputDirectory,
        string baseUrl,
        TimeProvider time,
        IProgress<ExportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(monographs);
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
        using var searchEntries = new SearchIndexSpool(summaries.Count);
        var listed = new Dictionary<(Collection, string), int>(summaries.Count);
        for (var i = 0; i < summaries.Count; i++)
        {
            listed.TryAdd((summaries[i].Collection, summaries[i].Slug), i);
        }

        void Written(long length)
        {
            Interlocked.Add(ref bytes, length);
            var count = Interlocked.Increment(ref done);
            progress?.Report(new ExportProgress(count, total));
        }

        try
        {
            await Parallel.ForEachAsync(
                monographs,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                async (row, token) =>
                {
                    var live = row.Unpack();
                    var monograph = live.Monograph;
                    if (!listed.TryGetValue((monograph.Collection, monograph.Slug), out var index)
                        || PageFile(root, monograph.Collection.UrlPath(monograph.Slug)) is not { } target)
                    {
                        Written(0);
                        return;
                    }

                    searchEntries.Add(index, SearchIndexEntry.From(monograph));
                    var renderer = renderers.TryTake(out var pooled) ? pooled : PageRenderer.CreateStandalone();
                    try
                    {
                        var page = MonographPageBuilder.Build(monograph, summaries, version: null, importedAt: null, drugsWithDoseRules.Contains(monograph.Slug), live.Sections);
                        var html = await MonographPages.RenderAsync(renderer, page, site, submission: null).ConfigureAwait(false);
                        Write(target, html);
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
                Write(Path.Combine(root, path), content);
                Written(content.Length);
            }

            Write(Path.Combine(root, "sitemap.xml"), SitemapWriter.Sitemap(summaries, site));
            Written(0);
            Write(Path.Combine(root, "robots.txt"), System.Text.Encoding.UTF8.GetBytes(SitemapWriter.Robots(site)));
            Written(0);
            await using (var index = new FileStream(Path.Combine(root, "search-index.json"), FileMode.OpenOrCreate, FileAccess.Write, FileShare.None))
            {
                searchEntries.WriteTo(index);
                index.SetLength(index.Position);
                Written(index.Length);
            }

            foreach (var asset in SiteAssets.Shared.All)
            {
                Write(Path.Combine(root, asset.Url.TrimStart('/')), asset.Content.Span);
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

    /// <summary>
    /// Writes one file of the site, replacing what an earlier export left there. A new file is not truncated:
    /// <see cref="FileMode.Create"/> opens, locks, then truncates to zero even a file it has just created, and ext4
    /// (its <c>auto_da_alloc</c> default) flushes a file truncated to zero when it is closed, so every page cost a
    /// disk write-back on close (a tenth of a 100,000-page export's CPU in <c>close</c>, and the interrupts of the
    /// I/O). An existing longer file is cut to the new length after the write.
    /// </summary>
    private static void Write(string path, ReadOnlySpan<byte> content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);
        RandomAccess.Write(file, content, fileOffset: 0);
        if (RandomAccess.GetLength(file) != content.Length)
        {
            RandomAccess.SetLength(file, content.Length);
        }
    }
}
