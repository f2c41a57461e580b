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

    /// <param name="split">How the index's rankings are split (<see cref="SearchIndex.Split"/>); null: as on this machine.</param>
    public static async Task<IMonographStore> WithIndexAsync(Task<IMonographStore> opening, RankSplit? split = null)
    {
        var store = await opening;
        var index = Start((RelationalStore)store);
        if (split is not null)
        {
            index.Split = split;
        }

        return store;
    }
}
