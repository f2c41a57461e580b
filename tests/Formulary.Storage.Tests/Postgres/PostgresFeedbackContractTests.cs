namespace Formulary.Storage.Tests.Postgres;

public sealed class PostgresFeedbackContractTests : FeedbackContractTests
{
    protected override Task<IMonographStore> CreateStoreAsync(TimeProvider time) => PostgresStores.CreateAsync(time);
}
