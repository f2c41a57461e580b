using Formulary.Storage.Indexing;
using Formulary.Storage.Tests.Postgres;
using Formulary.Storage.Tests.Sqlite;

namespace Formulary.Storage.Tests.Indexing;

/// <summary>The search contract answered by the in-process index over a SQLite store: the same expectations as its SQL search.</summary>
public sealed class SqliteIndexedSearchContractTests : SearchContractTests
{
    protected override Task<IMonographStore> CreateStoreAsync(TimeProvider time) =>
        IndexedStores.WithIndexAsync(Task.FromResult<IMonographStore>(SqliteStores.Create(time)));
}

/// <summary>The search contract answered by the in-process index over a PostgreSQL store.</summary>
public sealed class PostgresIndexedSearchContractTests : SearchContractTests
{
    protected override Task<IMonographStore> CreateStoreAsync(TimeProvider time) => IndexedStores.WithIndexAsync(PostgresStores.CreateAsync(time));
}

/// <summary>
/// The search contract answered by the index with every ranking split into small ranges taken by three threads
/// (<see cref="RankRun"/>; on a large index only large queries are split): the merge must give the same answers.
/// </summary>
public sealed class SqliteSplitIndexedSearchContractTests : SearchContractTests
{
    protected override Task<IMonographStore> CreateStoreAsync(TimeProvider time) =>
        IndexedStores.WithIndexAsync(Task.FromResult<IMonographStore>(SqliteStores.Create(time)), new RankSplit(Workers: 3, RangesPerWorker: 3, FromMatches: 0));
}
