using System.Collections.Concurrent;
using Formulary.Storage;
using Formulary.Storage.Listing;
using Formulary.Storage.Search;
using Formulary.Web.Hosting;
using Microsoft.Extensions.Caching.Memory;

namespace Formulary.Web.Pages;

/// <summary>
/// Rendered pages, search results and the list of live documents, kept in memory for one store
/// generation. Pages are rendered on first request and served as bytes afterwards; when the store's
/// generation changes (an import by any process, seen through <see cref="StoreGeneration"/>)
/// everything is dropped, so a page is never older than its content by more than the generation
/// check interval. A miss renders at most once per key at a time (concurrent misses share one rendering).
/// </summary>
/// <remarks>
/// Pages and searches share one <see cref="MemoryCache"/> bounded in bytes
/// (<see cref="FormularyWebOptions.CacheBytes"/>): each entry's size is its estimated footprint, and
/// when the total passes the bound the cache evicts the least recently used entries. Distinct
/// searches or pages can therefore never grow the process without bound.
/// </remarks>
internal sealed class SiteCache(IMonographStore store, StoreGeneration generation, FormularyWebOptions options) : IDisposable
{
    /// <summary>What an entry costs beyond its text: objects, dictionary slot, key.</summary>
    private const int EntryOverheadBytes = 512;

    private readonly ConcurrentDictionary<string, Lazy<Task<CachedPage?>>> rendering = new(StringComparer.Ordinal);
    private MemoryCache entries = NewCache(options);
    private Lazy<Task<IReadOnlyList<MonographSummary>>> summaries = new(() => store.ListAsync());
    private long cachedGeneration = -1;

    public async Task<IReadOnlyList<MonographSummary>> SummariesAsync()
    {
        await SyncAsync().ConfigureAwait(false);
        return await summaries.Value.ConfigureAwait(false);
    }

    /// <summary>The cached page for <paramref name="key"/>, rendering it when absent; null (not cached) when there is no such page.</summary>
    public async Task<CachedPage?> GetOrRenderAsync(string key, Func<Task<CachedPage?>> render)
    {
        await SyncAsync().ConfigureAwait(false);
        var current = entries;
        if (current.TryGetValue(key, out CachedPage? cached))
        {
            return cached;
        }

        var entry = rendering.GetOrAdd(key, _ => new Lazy<Task<CachedPage?>>(render));
        try
        {
            var page = await entry.Value.ConfigureAwait(false);
            if (page is not null)
            {
                current.Set(key, page, Sized(page.Body.Length + page.ETag.Length));
            }

            return page;
        }
        finally
        {
            rendering.TryRemove(new KeyValuePair<string, Lazy<Task<CachedPage?>>>(key, entry));
        }
    }

    /// <summary>
    /// The store's results for a search, from memory when the same search was made in this generation.
    /// A search that ran out of time is not kept: it may well finish when the server is less busy.
    /// </summary>
    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        await SyncAsync(cancellationToken).ConfigureAwait(false);
        var current = entries;
        if (current.TryGetValue(request, out SearchResults? cached))
        {
            return cached!;
        }

        var results = await store.SearchAsync(request, cancellationToken).ConfigureAwait(false);
        if (!results.TimedOut)
        {
            current.Set(request, results, Sized(SizeOf(results)));
        }

        return results;
    }

    public void Invalidate()
    {
        var old = Interlocked.Exchange(ref entries, NewCache(options));
        summaries = new Lazy<Task<IReadOnlyList<MonographSummary>>>(() => store.ListAsync());
        old.Dispose();
    }

    /// <summary>Entries held now (pages and searches).</summary>
    public int Count => entries.Count;

    /// <summary>Estimated bytes held now; never above <see cref="FormularyWebOptions.CacheBytes"/> for long.</summary>
    public long Bytes => entries.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public void Dispose() => entries.Dispose();

    private static MemoryCache NewCache(FormularyWebOptions options) =>
        new(new MemoryCacheOptions { SizeLimit = options.CacheBytes, CompactionPercentage = 0.25, TrackStatistics = true });

    private static MemoryCacheEntryOptions Sized(long textBytes) => new() { Size = EntryOverheadBytes + textBytes };

    /// <summary>UTF-16 text dominates a result: two bytes per character plus a hit's objects.</summary>
    private static long SizeOf(SearchResults results) =>
        (2L * ((results.Query?.Length ?? 0) + (results.DidYouMean?.Length ?? 0) + (results.CorrectedFrom?.Length ?? 0)))
        + results.Hits.Sum(hit => 96L + (2L * (hit.Slug.Length + hit.Title.Length + hit.SnippetHtml.Length)));

    /// <summary>Drops everything when the store generation moved since the cache was filled.</summary>
    private async ValueTask SyncAsync(CancellationToken cancellationToken = default)
    {
        var now = await generation.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (Interlocked.Exchange(ref cachedGeneration, now) != now)
        {
            Invalidate();
        }
    }
}
