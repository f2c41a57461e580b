namespace Formulary.Storage.Tests.Sqlite;

public sealed class SqliteBrowseContractTests : BrowseContractTests
{
    protected override Task<IMonographStore> CreateStoreAsync(TimeProvider time) => Task.FromResult<IMonographStore>(SqliteStores.Create(time));
}
