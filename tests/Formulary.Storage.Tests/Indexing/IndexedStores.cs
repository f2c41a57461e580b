using Formulary.Storage.Indexing;
using Formulary.Storage.Relational;

namespace Formulary.Storage.Tests.Indexing;

/// <summary>
/// Stores whose searches the in-process index must answer: it is brought up to the store before each search, and a
/// search it cannot answer, or any failure it reports, fails the test (never a silent answer from SQL).
/// </summary>
internal static class IndexedStores
{
    public static SearchIndex Start(RelationalStore store) =>
        store.StartSearchIndex(exception => throw new InvalidOperationException("the search index failed", exception), catchUpBeforeSearch: true);

    public static async Task<IMonographStore> WithIndexAsync(Task<IMonographStore> opening)
    {
        var store = await opening;
        Start((RelationalStore)store);
        return store;
    }
}
