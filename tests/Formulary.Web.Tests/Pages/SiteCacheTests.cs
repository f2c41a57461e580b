using Formulary.Storage.Importing;
using Formulary.Storage.Sqlite;
using Formulary.Storage.Search;
using Formulary.Web.Hosting;
using Formulary.Web.Pages;
using Formulary.Monographs.Parsing;
using Formulary.Monographs;

namespace Formulary.Web.Tests.Pages;

/// <summary>Issue 12.4: every cache is bounded in bytes; distinct searches and pages cannot grow it past the bound.</summary>
public sealed class SiteCacheTests : IAsyncLifetime
{
    private const long Budget = 256 * 1024;

    private SqliteMonographStore store = null!;
    private StoreGeneration generation = null!;
    private SiteCache cache = null!;

    public async Task InitializeAsync()
    {
        store = SqliteMonographStore.Open(Path.Combine(Directory.CreateTempSubdirectory("formulary-cache-").FullName, "f.db"), TimeProvider.System);
        store.SearchBudget = TimeSpan.FromSeconds(30); // a loaded machine must not make a behaviour test a timing test
        var documents = Enumerable.Range(0, 30).Select(i =>
        {
            var text = $"---\ntitle: Drug {i}\n---\n## Usage\n" + string.Concat(Enumerable.Repeat($"Treats condition alpha beta gamma {i}. ", 30));
            var monograph = MonographParser.Default.Parse(Collection.Composition, $"compositions/drug-{i}.md", System.Text.Encoding.UTF8.GetBytes(text));
            return new ImportDocument(monograph, text);
        }).ToList();
        await store.ImportAsync(documents, ImportOptions.WholeContentSet);
        generation = new StoreGeneration(store, TimeProvider.System);
        cache = new SiteCache(store, generation, new FormularyWebOptions { CacheBytes = Budget });
    }

    [Fact]
    public async Task DistinctSearches_ThousandsOfThem_CacheStaysWithinItsByteBudget()
    {
        for (var i = 0; i < 2000; i++)
        {
            await cache.SearchAsync(new SearchRequest($"condition {i}") { Limit = 50 }, CancellationToken.None);
        }

        Assert.InRange(cache.Bytes, 1, Budget);
        Assert.InRange(cache.Count, 1, 1999);
    }

    [Fact]
    public async Task DistinctPages_LargerThanTheBudgetTogether_CachedWhileTheyFitThenBounded()
    {
        var rendered = 0;
        Task<CachedPage?> Render()
        {
            Interlocked.Increment(ref rendered);
            return Task.FromResult<CachedPage?>(CachedPage.Html(new byte[16 * 1024]));
        }

        await cache.GetOrRenderAsync("/page/first", Render);
        await cache.GetOrRenderAsync("/page/first", Render);
        Assert.Equal(1, rendered);

        // 100 pages of 16 KiB are 1.6 MiB, over six times the budget.
        for (var i = 0; i < 100; i++)
        {
            await cache.GetOrRenderAsync($"/page/{i}", Render);
        }

        Assert.Equal(101, rendered);
        Assert.InRange(cache.Bytes, 1, Budget);
    }

    /// <summary>
    /// A rendering that began before an import finishes after it: it must neither fail (the old
    /// generation's cache used to be disposed under it, a 500) nor be handed to a request of the new generation.
    /// </summary>
    [Fact]
    public async Task GenerationMovesDuringARendering_OldRenderingCompletesAndNewRequestRendersAfresh()
    {
        var before = await generation.CurrentAsync();
        var held = new TaskCompletionSource<CachedPage?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var old = cache.GetOrRenderAsync("/page/x", () => held.Task);
        await cache.SearchAsync(new SearchRequest("condition") { Limit = 5 }, CancellationToken.None);

        generation.Observe(before + 1);
        var fresh = cache.GetOrRenderAsync("/page/x", () => Task.FromResult<CachedPage?>(CachedPage.Html("new"u8.ToArray())));
        held.SetResult(CachedPage.Html("old"u8.ToArray()));

        Assert.Equal("old"u8.ToArray(), (await old)!.Body.Identity.ToArray());
        Assert.Equal("new"u8.ToArray(), (await fresh)!.Body.Identity.ToArray());
        Assert.Equal("new"u8.ToArray(), (await cache.GetOrRenderAsync("/page/x", () => throw new InvalidOperationException("cached, not rendered")))!.Body.Identity.ToArray());
        Assert.NotEmpty((await cache.SearchAsync(new SearchRequest("condition") { Limit = 5 }, CancellationToken.None)).Hits);
    }

    [Fact]
    public async Task Derived_SameKeyTwice_ComputedOnceUntilTheGenerationMoves()
    {
        var computed = 0;
        Task<string> Compute()
        {
            Interlocked.Increment(ref computed);
            return Task.FromResult($"value {computed}");
        }

        var first = await cache.DerivedAsync(("name", "clofarabine"), Compute, v => v.Length * 2L, CancellationToken.None);
        var again = await cache.DerivedAsync(("name", "clofarabine"), Compute, v => v.Length * 2L, CancellationToken.None);
        var other = await cache.DerivedAsync(("name", "cisplatin"), Compute, v => v.Length * 2L, CancellationToken.None);
        generation.Observe(await generation.CurrentAsync() + 1);
        var after = await cache.DerivedAsync(("name", "clofarabine"), Compute, v => v.Length * 2L, CancellationToken.None);

        Assert.Equal(("value 1", "value 1", "value 2", "value 3"), (first, again, other, after));
        Assert.Equal(3, computed);
    }

    [Fact]
    public async Task Derived_ThousandsOfDistinctKeys_CacheStaysWithinItsByteBudget()
    {
        for (var i = 0; i < 5000; i++)
        {
            await cache.DerivedAsync(("name", $"drug {i}"), () => Task.FromResult(new string('x', 100)), v => v.Length * 2L, CancellationToken.None);
        }

        Assert.InRange(cache.Bytes, 1, Budget);
        Assert.InRange(cache.Count, 1, 4999);
    }

    public async Task DisposeAsync()
    {
        cache.Dispose();
        await store.DisposeAsync();
    }
}
