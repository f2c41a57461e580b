using System.Collections.Concurrent;
using Formulary.Storage;
using Formulary.Storage.Listing;
using Formulary.Storage.Search;
using Formulary.Web.Hosting;

namespace Formulary.Web.Pages;

/// <summary>
/// Rendered pages and the list of live documents, kept in memory for one store generation. Pages are
/// rendered on first request and served as bytes afterwards; when the store's generation changes (an
/// import by any process, seen through <see cref="StoreGeneration"/>) everything is dropped, so a page
/// is never older than its content by more than the generation check interval.
/// A miss renders at most once per key at a time (concurrent misses share one rendering).
/// Search results are kept too (popular queries repeat), bounded to <see cref="MaxSearches"/> entries.
/// </summary>
internal sealed class SiteCache(IMonographStore store, StoreGeneration generation)
{
    public const int MaxSearches = 10_000;

    private ConcurrentDictionary<SearchRequest, SearchResults> searches = new();
    private ConcurrentDictionary<string, Lazy<Task<CachedPage?>>> pages = new(StringComparer.Ordinal);
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
        var current = pages;
        var entry = current.GetOrAdd(key, _ => new Lazy<Task<CachedPage?>>(render));
        try
        {
            var page = await entry.Value.ConfigureAwait(false);
            if (page is null)
            {
                current.TryRemove(new KeyValuePair<string, Lazy<Task<CachedPage?>>>(key, entry));
            }

            return page;
        }
        catch
        {
            current.TryRemove(new KeyValuePair<string, Lazy<Task<CachedPage?>>>(key, entry));
            throw;
        }
    }

    /// <summary>
    /// The store's results for a search, from memory when the same search was made since the last
    /// import. A search that ran out of time is not kept: it may well finish when the server is less busy.
    /// </summary>
    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        await SyncAsync(cancellationToken).ConfigureAwait(false);
        var current = searches;
        if (current.TryGetValue(request, out var cached))
        {
            return cached;
        }

        var results = await store.SearchAsync(request, cancellationToken).ConfigureAwait(false);
        if (results.TimedOut)
        {
            return results;
        }

        if (current.Count >= MaxSearches)
        {
            current.Clear();
        }

        current[request] = results;
        return results;
    }

    public void Invalidate()
    {
        searches = new ConcurrentDictionary<SearchRequest, SearchResults>();
        pages = new ConcurrentDictionary<string, Lazy<Task<CachedPage?>>>(StringComparer.Ordinal);
        summaries = new Lazy<Task<IReadOnlyList<MonographSummary>>>(() => store.ListAsync());
    }

    public int Count => pages.Count;

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
