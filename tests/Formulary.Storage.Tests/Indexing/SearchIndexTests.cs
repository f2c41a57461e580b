using Formulary.Monographs;
using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;
using Formulary.Storage.Importing;
using Formulary.Storage.Indexing;
using Formulary.Storage.Relational;
using Formulary.Storage.Search;
using Formulary.Storage.Sqlite;
using Formulary.Storage.Tests.Postgres;
using Formulary.Storage.Tests.Sqlite;
using static Formulary.Storage.Tests.TestMonographs;

namespace Formulary.Storage.Tests.Indexing;

/// <summary>
/// The in-process index against the store it derives from: what leaves the SQL search leaves it, what another node
/// imports reaches it by its own generation check, and it answers as the SQL search does. Stores are real SQLite files
/// (and PostgreSQL schemas); the index is asked directly (<see cref="IndexLease"/>) or through the store's search.
/// </summary>
public sealed class SearchIndexTests
{
    private static readonly ImportDocument[] Corpus =
    [
        Composition("paracetamol", "Paracétamol", "## Usage\nPain and fever.\n## Dosage\nAdults: 500 mg to 1 g every 4 to 6 hours.", "Acetaminophen"),
        Composition("ibuprofen", "Ibuprofen", "## Usage\nPain, fever and inflammation.\n## Warnings\nRenal impairment: avoid."),
        Composition("naproxen", "Naproxen", "## Usage\nInflammation in arthritis.\n## Warnings\nRenal impairment and fever."),
        Composition("metformin", "Metformin", "## Usage\nType 2 diabetes.\n## Contraindications\nSevere renal impairment."),
        Combination("ibuprofen-paracetamol", "Ibuprofen + Paracetamol", "## Usage\nShort-term pain.", "ibuprofen", "paracetamol"),
        Brand("panadol", "Panadol 500 mg Tablet", "paracetamol", "## Usage\nPain and FEVER."),
        Brand("nurofen", "Nurofen 200 mg Tablet", "ibuprofen", "## Usage\nPain."),
    ];

    [Fact]
    public async Task Search_ImportByAnotherNodeOnTheSameFile_ReachesTheIndexByItsOwnGenerationCheck()
    {
        await using var node = SqliteStores.Create(TimeProvider.System);
        await node.ImportAsync(Corpus, ImportOptions.WholeContentSet);
        var index = node.StartSearchIndex(exception => throw new InvalidOperationException("the index failed", exception), catchUpBeforeSearch: false);
        await UntilAsync(async () => index.Generation == await node.GetGenerationAsync());
        await using (var other = SqliteMonographStore.Open(node.DatabasePath, TimeProvider.System))
        {
            await other.ImportAsync(
                [.. Corpus.Where(d => d.Monograph.Slug != "naproxen"), Composition("zorbitol", "Zorbitol", "## Usage\nRenal colic.")],
                ImportOptions.WholeContentSet);
        }

        // Nothing tells this node about the import: its index checks the store's generation every 0.5 s on its own.
        var generation = await node.GetGenerationAsync();
        await UntilAsync(() => Task.FromResult(index.Generation == generation));

        Assert.Equal(["zorbitol"], Slugs(index, generation, "zorbitol"));
        Assert.DoesNotContain("naproxen", Slugs(index, generation, "renal"));
        var answered = await node.SearchAsync("renal colic", 10, 0);
        Assert.Equal("zorbitol", Assert.Single(answered.Hits).Slug);
    }

    [SkippableFact]
    public async Task Search_RemovedDocumentAndRejectedVersion_NeverInTheIndex_Sqlite() => await RemovedAndRejectedAsync(SqliteStores.Create(TimeProvider.System));

    [SkippableFact]
    public async Task Search_RemovedDocumentAndRejectedVersion_NeverInTheIndex_Postgres() => await RemovedAndRejectedAsync((RelationalStore)await PostgresStores.CreateAsync(TimeProvider.System));

    private static async Task RemovedAndRejectedAsync(RelationalStore opened)
    {
        await using var store = opened;
        IndexedStores.Start(store);
        await store.ImportAsync(Corpus, ImportOptions.WholeContentSet);
        Assert.Contains("naproxen", (await store.SearchAsync("arthritis", 10, 0)).Hits.Select(h => h.Slug));

        var rejected = Document(Collection.Composition, "metformin", "Metformin", "## Usage\nGlitterwort tonic.", new FrontMatter(), [],
            [new Diagnostic("MONO012", DiagnosticSeverity.Error, "content/compositions/metformin.md", 2, 7, "unclosed quote")]);
        var never = Document(Collection.Composition, "quackium", "Quackium", "## Usage\nGlitterwort tonic.", new FrontMatter(), [],
            [new Diagnostic("MONO012", DiagnosticSeverity.Error, "content/compositions/quackium.md", 2, 7, "unclosed quote")]);
        await store.ImportAsync([.. Corpus.Where(d => d.Monograph.Slug is not "naproxen" and not "metformin"), rejected, never], ImportOptions.WholeContentSet);

        Assert.Empty((await store.SearchAsync("arthritis", 10, 0)).Hits);
        Assert.Empty((await store.SearchAsync("glitterwort", 10, 0)).Hits);
        Assert.Equal("metformin", Assert.Single((await store.SearchAsync("diabetes", 10, 0)).Hits).Slug);
    }

    [Theory]
    [InlineData("PARACETAMOL")]
    [InlineData("paracétamol")]
    [InlineData("Paracetamol")]
    [InlineData("acetaminophen")]
    [InlineData("panadol")]
    public async Task Search_CaseAccentsAndNames_FoldedAsTheSqlSearchFoldsThem(string query)
    {
        await using var store = SqliteStores.Create(TimeProvider.System);
        IndexedStores.Start(store);
        await store.ImportAsync(Corpus, ImportOptions.WholeContentSet);

        var results = await store.SearchAsync(query, 10, 0);

        Assert.Equal((Collection.Composition, "paracetamol"), (results.Hits[0].Collection, results.Hits[0].Slug));
    }

    [Fact]
    public async Task Search_EveryQueryAndPage_SameMatchesCountsAndTiersAsTheSqlSearch()
    {
        var sql = SqliteStores.Create(TimeProvider.System);
        await using (sql)
        {
            await sql.ImportAsync(Corpus, ImportOptions.WholeContentSet);
        }

        await using var plain = SqliteMonographStore.Open(sql.DatabasePath, TimeProvider.System);
        await using var indexed = SqliteMonographStore.Open(sql.DatabasePath, TimeProvider.System);
        plain.SearchBudget = indexed.SearchBudget = TimeSpan.FromSeconds(30);
        IndexedStores.Start(indexed);
        string[] queries = ["pain", "fev", "renal impairment", "ibuprofen paracetamol", "paracetamol ibuprofen", "inflammation", "pain fever", "tablet", "ren imp"];
        foreach (var query in queries)
        {
            foreach (var collection in new Collection?[] { null, Collection.Composition, Collection.Medicine })
            {
                for (var offset = 0; offset < 8; offset += 2)
                {
                    var request = new SearchRequest(query) { Limit = 2, Offset = offset, Collection = collection };
                    var (expected, actual) = (await plain.SearchAsync(request), await indexed.SearchAsync(request));
                    Assert.Equal(Counts(expected), Counts(actual));
                }

                var all = new SearchRequest(query) { Limit = 100, Collection = collection };
                var (every, everyIndexed) = (await plain.SearchAsync(all), await indexed.SearchAsync(all));
                Assert.Equal(every.Hits.Select(h => h.Collection), everyIndexed.Hits.Select(h => h.Collection));
                Assert.Equal(Hits(every), Hits(everyIndexed));
            }
        }
    }

    [Fact]
    public async Task Start_FirstBuildEnds_TellsItsDocumentsOnce()
    {
        await using var store = SqliteStores.Create(TimeProvider.System);
        await store.ImportAsync(Corpus, ImportOptions.WholeContentSet);
        var told = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var index = store.StartSearchIndex(
            exception => throw new InvalidOperationException("the index failed", exception), catchUpBeforeSearch: false, (documents, _) => told.Enqueue(documents));
        await UntilAsync(async () => index.Generation == await store.GetGenerationAsync());
        await store.ImportAsync([.. Corpus.Where(d => d.Monograph.Slug != "naproxen")], ImportOptions.WholeContentSet);
        await index.CatchUpAsync(CancellationToken.None);

        Assert.Equal([Corpus.Length], told);
        Assert.DoesNotContain("naproxen", Slugs(index, index.Generation, "inflammation"));
    }

    [Fact]
    public async Task Search_IndexFailing_ReportsOnceAndTheSqlSearchAnswers()
    {
        await using var store = SqliteStores.Create(TimeProvider.System);
        await store.ImportAsync(Corpus, ImportOptions.WholeContentSet);
        var failures = new List<Exception>();
        var index = store.StartSearchIndex(failures.Add, catchUpBeforeSearch: false);
        await UntilAsync(async () => index.Generation == await store.GetGenerationAsync());
        var lease = index.Lease(index.Generation)!;

        // Released twice, the index's reader closes under it: every later search fails to take a searcher.
        lease.Dispose();
        lease.Dispose();
        var first = await store.SearchAsync("pain", 10, 0);
        var second = await store.SearchAsync("fever", 10, 0);

        Assert.Single(failures);
        Assert.Equal(["ibuprofen", "paracetamol"], first.Hits.Take(2).Select(h => h.Slug).Order());
        Assert.Equal(4, second.Total); // paracetamol, ibuprofen, naproxen, Panadol
    }

    private static string Counts(SearchResults results) => $"{results.Total} {results.Hits.Count} {string.Join(',', results.Counts)}";

    /// <summary>
    /// The hits with their sections and snippets, in slug order: within one ranking group FTS5's bm25 (one length over all
    /// columns) and Lucene's BM25 (a length per field, stored in a byte) may order close scores apart. The groups themselves
    /// (tier, then collection) are checked by the contract tests, which both searches pass.
    /// </summary>
    private static IEnumerable<string> Hits(SearchResults results) =>
        results.Hits.Select(h => $"{h.Collection}/{h.Slug}#{h.Section}: {h.SnippetHtml}").Order(StringComparer.Ordinal);

    private static List<string> Slugs(SearchIndex index, long generation, string query)
    {
        using var lease = index.Lease(generation) ?? throw new InvalidOperationException("the index is not at the generation");
        return [.. lease.Rank(SearchTerms.Parse(query), new SearchRequest(query) { Limit = 100 }, SearchDeadline.After(TimeSpan.FromSeconds(30), TimeProvider.System))
            .Page.Select(r => r.Slug)];
    }

    /// <summary>Polls with a generous limit: a condition the index reaches on its own timer, never a statement about its speed.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60); waited += TimeSpan.FromMilliseconds(50))
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the index did not reach the store's generation within 60 s");
    }
}
