using Formulary.Storage.Tests.Publishing;

namespace Formulary.Storage.Tests.Sqlite;

public sealed class SqliteStampContractTests : StampContractTests
{
    protected override Task<IMonographStore> CreateStoreAsync(TimeProvider time) => Task.FromResult<IMonographStore>(SqliteStores.Create(time));
}
