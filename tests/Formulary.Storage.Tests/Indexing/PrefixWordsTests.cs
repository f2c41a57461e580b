using Formulary.Storage.Importing;
using Formulary.Storage.Indexing;
using Formulary.Storage.Tests.Sqlite;
using Lucene.Net.Index;
using Lucene.Net.Search;
using static Formulary.Storage.Tests.TestMonographs;

namespace Formulary.Storage.Tests.Indexing;

/// <summary>A prefix word's query and documents, shared by the searches on one index reader and made again for the next generation's.</summary>
public sealed class PrefixWordsTests
{
    [Fact]
    public async Task Of_SameReader_OneQuerySharedUntilTheNextGeneration()
    {
        await using var store = SqliteStores.Create(TimeProvider.System);
        await store.ImportAsync(
            [
                Composition("paracetamol", "Paracetamol", "## Usage\nPain and fever."),
                Composition("ibuprofen", "Ibuprofen", "## Usage\nFeverish pain."),
                Composition("metformin", "Metformin", "## Usage\nType 2 diabetes."),
            ],
            ImportOptions.WholeContentSet);
        var index = IndexedStores.Start(store);
        await index.CatchUpAsync(CancellationToken.None);
        var fev = new PrefixQuery(new Term(IndexedDocument.AllField, "fev"));

        Query first;
        using (var lease = index.Lease(await store.GetGenerationAsync())!)
        {
            (first, var documents) = PrefixWords.Of(lease.Reader, fev);
            Assert.Same(first, PrefixWords.Of(lease.Reader, new PrefixQuery(new Term(IndexedDocument.AllField, "fev"))).Query);
            Assert.NotSame(first, PrefixWords.Of(lease.Reader, new PrefixQuery(new Term(IndexedDocument.NamedField, "fev"))).Query);
            Assert.Equal(2, documents.Value);
            Assert.Equal(2, new IndexSearcher(lease.Reader).Search(first, 10).TotalHits);
        }

        await store.ImportAsync([Composition("naproxen", "Naproxen", "## Usage\nFever in arthritis.")], ImportOptions.Partial);
        await index.CatchUpAsync(CancellationToken.None);
        using (var lease = index.Lease(await store.GetGenerationAsync())!)
        {
            var (next, documents) = PrefixWords.Of(lease.Reader, fev);
            Assert.NotSame(first, next);
            Assert.Equal(3, documents.Value);
            Assert.Equal(3, new IndexSearcher(lease.Reader).Search(next, 10).TotalHits);
        }
    }

    [Fact]
    public async Task FirstBuild_WarmsUpThenKeepsNoPrefixWord_AndAnswersAsAnIndexWithout()
    {
        await using var warmed = SqliteStores.Create(TimeProvider.System);
        await using var cold = SqliteStores.Create(TimeProvider.System);
        IReadOnlyList<ImportDocument> corpus =
        [
            Composition("paracetamol", "Paracetamol", "## Usage\nPain and fever in children.\n\n## Dosage\nAdults: oral dose every four hours."),
            Composition("ibuprofen", "Ibuprofen", "## Usage\nFeverish pain in adults.\n\n## Dosage\nAdults: oral dose with food."),
            Composition("metformin", "Metformin", "## Usage\nType 2 diabetes in adults.\n\n## Dosage\nOral dose with meals."),
        ];
        await warmed.ImportAsync(corpus, ImportOptions.WholeContentSet);
        await cold.ImportAsync(corpus, ImportOptions.WholeContentSet);
        var index = IndexedStores.Start(warmed);
        var without = cold.StartSearchIndex(exception => throw new InvalidOperationException("the search index failed", exception), catchUpBeforeSearch: true, warmUpSearches: 0);

        await index.CatchUpAsync(CancellationToken.None);
        await without.CatchUpAsync(CancellationToken.None);

        Assert.Equal(IndexWarmUp.Searches, index.WarmedUp);
        Assert.Equal(0, without.WarmedUp);
        using (var lease = index.Lease(await warmed.GetGenerationAsync())!)
        {
            Assert.Equal(0, PrefixWords.Count(lease.Reader));
        }

        foreach (var query in new[] { "adults dose", "oral dos", "pain fev", "dosage adults" })
        {
            var a = await warmed.SearchAsync(new Formulary.Storage.Search.SearchRequest(query));
            var b = await cold.SearchAsync(new Formulary.Storage.Search.SearchRequest(query));
            Assert.Equal(b.Total, a.Total);
            Assert.Equal(b.Counts, a.Counts);
            Assert.Equal(b.Hits, a.Hits);
        }
    }
}
