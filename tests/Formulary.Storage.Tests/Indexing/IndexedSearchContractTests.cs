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
