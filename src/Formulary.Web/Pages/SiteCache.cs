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

    /// <summary>Renderings in progress, keyed by generation and page: a request never joins a rendering of an older generation.</summary>
    private readonly ConcurrentDictionary<(long Generation, string Key), Lazy<Task<CachedPage?>>> rendering = new();
    private Snapshot current = new(-1, NewCache(options), store);

    public async Task<IReadOnlyList<MonographSummary>> SummariesAsync()
    {
        var snapshot = await SyncAsync().ConfigureAwait(false);
        return await snapshot.SummariesAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The page already rendered for <paramref name="key"/> in the current generation, found without I/O;
    /// null when it is not rendered yet or the generation is due for a check (the caller then takes the
    /// ordinary path, <see cref="GetOrRenderAsync"/>).
    /// </summary>
    public CachedPage? TryGetRendered(string key)
    {
        var held = Volatile.Read(ref current);
        return generation.TryGetFresh(out var now) && held.Generation == now && held.Entries.TryGetValue(key, out CachedPage? page) ? page : null;
    }

    /// <summary>
    /// The cached page for <paramref name="key"/>, rendering it when absent; null (not cached) when there is no such page.
    /// A key is the path of the query-less GET whose whole answer the page is (<see cref="CachedPageShortcut"/> serves it by path).
    /// </summary>
    public async Task<CachedPage?> GetOrRenderAsync(string key, Func<Task<CachedPage?>> render)
    {
        var snapshot = await SyncAsync().ConfigureAwait(false);
        if (snapshot.Entries.TryGetValue(key, out CachedPage? cached))
        {
            return cached;
        }

        var slot = (snapshot.Generation, key);
        var entry = rendering.GetOrAdd(slot, _ => new Lazy<Task<CachedPage?>>(render));
        try
        {
            var page = await entry.Value.ConfigureAwait(false);
            if (page is not null)
            {
                snapshot.Entries.Set(key, page, Sized(page.Body.Size));
            }

            return page;
        }
        finally
        {
            rendering.TryRemove(new KeyValuePair<(long, string), Lazy<Task<CachedPage?>>>(slot, entry));
        }
    }

    /// <summary>
    /// The store's results for a search, from memory when the same search was made in this generation.
    /// A search that ran out of time is not kept: it may well finish when the server is less busy.
    /// </summary>
    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken) =>
        FromStoreAsync(request, () => store.SearchAsync(request, cancellationToken), results => results.TimedOut ? null : SizeOf(results), cancellationToken);

    /// <summary>
    /// The store's suggestions for a prefix (<see cref="IMonographStore.SuggestAsync"/>), from memory when the same
    /// prefix and limit were asked in this generation: typeahead, and the CDS Hooks and FHIR name matching, which
    /// ask for the same few drug names on every call.
    /// </summary>
    public Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken) =>
        FromStoreAsync(
            new SuggestKey(prefix, limit),
            () => store.SuggestAsync(prefix, limit, cancellationToken),
            suggestions => (2L * prefix.Length) + suggestions.Sum(s => 64L + (2L * (s.Name.Length + s.Title.Length + s.Slug.Length))),
            cancellationToken);

    /// <summary>
    /// A value worked out from this generation's store content and <paramref name="key"/> alone, from memory when the same key
    /// was asked in this generation: the CDS Hooks name match, which an EHR's calls ask for the same few drug names again and
    /// again. Keys may come from clients: entries count against the same byte bound as pages and searches.
    /// </summary>
    public Task<T> DerivedAsync<T>(object key, Func<Task<T>> compute, Func<T, long> bytes, CancellationToken cancellationToken)
        where T : class =>
        FromStoreAsync(key, compute, value => bytes(value), cancellationToken);

    /// <summary>A store answer from this generation's cache, else from the store, kept when <paramref name="bytesIfKept"/> gives a size.</summary>
    private async Task<T> FromStoreAsync<T>(object key, Func<Task<T>> ask, Func<T, long?> bytesIfKept, CancellationToken cancellationToken)
        where T : class
    {
        var snapshot = await SyncAsync(cancellationToken).ConfigureAwait(false);
        if (snapshot.Entries.TryGetValue(key, out T? cached))
        {
            return cached!;
        }

        var answer = await ask().ConfigureAwait(false);
        if (bytesIfKept(answer) is { } bytes)
        {
            snapshot.Entries.Set(key, answer, Sized(bytes));
        }

        return answer;
    }

    /// <summary>Entries held now (pages and searches).</summary>
    public int Count => Volatile.Read(ref current).Entries.Count;

    /// <summary>Estimated bytes held now; never above <see cref="FormularyWebOptions.CacheBytes"/> for long.</summary>
    public long Bytes => Volatile.Read(ref current).Entries.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public void Dispose() => Volatile.Read(ref current).Entries.Dispose();

    private static MemoryCache NewCache(FormularyWebOptions options) =>
        new(new MemoryCacheOptions { SizeLimit = options.CacheBytes, CompactionPercentage = 0.25, TrackStatistics = true });

    private static MemoryCacheEntryOptions Sized(long textBytes) => new() { Size = EntryOverheadBytes + textBytes };

    /// <summary>UTF-16 text dominates a result: two bytes per character plus a hit's objects.</summary>
    private static long SizeOf(SearchResults results) =>
        (2L * ((results.Query?.Length ?? 0) + (results.DidYouMean?.Length ?? 0) + (results.CorrectedFrom?.Length ?? 0)))
        + results.Hits.Sum(hit => 96L + (2L * (hit.Slug.Length + hit.Title.Length + hit.SnippetHtml.Length + (hit.Section?.Length ?? 0))));

    /// <summary>
    /// The snapshot for the store's current generation, replacing the held one when the generation moved.
    /// The old cache is cleared, never disposed: requests that began in the old generation may still be
    /// reading or filling it, and a disposed <see cref="MemoryCache"/> throws on use (it was a 500 under load).
    /// </summary>
    private async ValueTask<Snapshot> SyncAsync(CancellationToken cancellationToken = default)
    {
        var now = await generation.CurrentAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var held = Volatile.Read(ref current);
            if (held.Generation == now)
            {
                return held;
            }

            var fresh = new Snapshot(now, NewCache(options), store);
            if (ReferenceEquals(Interlocked.CompareExchange(ref current, fresh, held), held))
            {
                held.Entries.Clear();
                return fresh;
            }

            fresh.Entries.Dispose();
        }
    }

    /// <summary>One generation's cache and its list of live documents (listed once, again only if the listing failed).</summary>
    private sealed class Snapshot(long generation, MemoryCache entries, IMonographStore store)
    {
        private Lazy<Task<IReadOnlyList<MonographSummary>>> summaries = new(() => store.ListAsync());

        public long Generation { get; } = generation;

        public MemoryCache Entries { get; } = entries;

        public Task<IReadOnlyList<MonographSummary>> SummariesAsync()
        {
            var held = Volatile.Read(ref summaries);
            if (held.IsValueCreated && held.Value.IsFaulted)
            {
                Interlocked.CompareExchange(ref summaries, new Lazy<Task<IReadOnlyList<MonographSummary>>>(() => store.ListAsync()), held);
                held = Volatile.Read(ref summaries);
            }

            return held.Value;
        }
    }

    /// <summary>A suggestion lookup's cache key (distinct from a page's string key and a <see cref="SearchRequest"/>).</summary>
    private sealed record SuggestKey(string Prefix, int Limit);
}
