using Formulary.Storage.Importing;
using Formulary.Storage.Postgres;
using Formulary.Storage.Search;
using Npgsql;

namespace Formulary.Storage.Tests.Postgres;

public sealed class PostgresSearchBudgetTests
{
    [SkippableFact]
    public async Task Search_NoBudgetLeft_AnswersTimedOutWithNoHits()
    {
        await using var store = (PostgresMonographStore)await PostgresStores.CreateAsync(TimeProvider.System);
        await store.ImportAsync([TestMonographs.Composition("clofarabine", "Clofarabine", "## Usage\nLeukemia.")], ImportOptions.WholeContentSet);
        store.SearchBudget = TimeSpan.Zero;

        var results = await store.SearchAsync("clofarabine", 10, 0);

        Assert.True(results.TimedOut);
        Assert.Empty(results.Hits);
    }

    [SkippableFact]
    public async Task Budgeted_StatementPastTheBudget_IsCanceledByStatementTimeoutAsTimedOut()
    {
        var connectionString = Environment.GetEnvironmentVariable("FORMULARY_TEST_PG");
        Skip.If(string.IsNullOrWhiteSpace(connectionString), "FORMULARY_TEST_PG is not set.");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var deadline = SearchDeadline.After(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        await using var sleep = new NpgsqlCommand("SELECT pg_sleep(30)", connection);

        await Assert.ThrowsAsync<SearchTimedOutException>(() =>
            PostgresSearch.Budgeted(connection, deadline, () => sleep.ExecuteScalarAsync(), CancellationToken.None));
    }
}
