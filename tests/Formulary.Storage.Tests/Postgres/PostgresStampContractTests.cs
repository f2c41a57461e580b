using Formulary.Storage.Tests.Publishing;

namespace Formulary.Storage.Tests.Postgres;

public sealed class PostgresStampContractTests : StampContractTests
{
    protected override Task<IMonographStore> CreateStoreAsync(TimeProvider time) => PostgresStores.CreateAsync(time);
}
