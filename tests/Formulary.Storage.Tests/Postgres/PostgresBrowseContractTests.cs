namespace Formulary.Storage.Tests.Postgres;

public sealed class PostgresBrowseContractTests : BrowseContractTests
{
    protected override Task<IMonographStore> CreateStoreAsync(TimeProvider time) => PostgresStores.CreateAsync(time);
}
