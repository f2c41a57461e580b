namespace Formulary.Storage.Tests.Postgres;

public sealed class PostgresStoreContractTests : StoreContractTests
{
    protected override Task<IMonographStore> CreateStoreAsync(TimeProvider time) => PostgresStores.CreateAsync(time);
}
