using System.Collections.Concurrent;
using Formulary.Storage;
using Formulary.Storage.Listing;

namespace Formulary.Web.Pages;

/// <summary>
/// Rendered pages and the list of live documents, kept in memory between imports. Pages are
/// rendered on first request and served as bytes afterwards; <see cref="Invalidate"/> (called after
/// every import that changed the store) drops everything, so a page is never older than its content.
/// A miss renders at most once per key at a time (concurrent misses share one rendering).
/// </summary>
internal sealed class SiteCache(IMonographStore store)
{
    private ConcurrentDictionary<string, Lazy<Task<CachedPage?>>> pages = new(StringComparer.Ordinal);
    private Lazy<Task<IReadOnlyList<MonographSummary>>> summaries = new(() => store.ListAsync());

    public Task<IReadOnlyList<MonographSummary>> SummariesAsync() => summaries.Value;

    /// <summary>The cached page for <paramref name="key"/>, rendering it when absent; null (not cached) when there is no such page.</summary>
    public async Task<CachedPage?> GetOrRenderAsync(string key, Func<Task<CachedPage?>> render)
    {
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

    public void Invalidate()
    {
        pages = new ConcurrentDictionary<string, Lazy<Task<CachedPage?>>>(StringComparer.Ordinal);
        summaries = new Lazy<Task<IReadOnlyList<MonographSummary>>>(() => store.ListAsync());
    }

    public int Count => pages.Count;
}
