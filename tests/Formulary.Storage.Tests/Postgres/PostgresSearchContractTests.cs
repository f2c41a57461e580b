namespace Formulary.Storage.Tests.Postgres;

public sealed class PostgresSearchContractTests : SearchContractTests
{
    protected override Task<IMonographStore> CreateStoreAsync(TimeProvider time) => PostgresStores.CreateAsync(time);
}
