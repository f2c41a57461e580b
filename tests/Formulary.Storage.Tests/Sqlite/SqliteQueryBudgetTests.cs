using Formulary.Storage.Importing;
using Formulary.Storage.Search;
using Formulary.Storage.Sqlite;

namespace Formulary.Storage.Tests.Sqlite;

public sealed class SqliteQueryBudgetTests
{
    private const string Endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n";

    [Fact]
    public async Task Search_NoBudgetLeft_AnswersTimedOutWithNoHits()
    {
        await using var store = SqliteStores.Create(TimeProvider.System);
        await store.ImportAsync([TestMonographs.Composition("clofarabine", "Clofarabine", "## Usage\nLeukemia.")], ImportOptions.WholeContentSet);
        store.SearchBudget = TimeSpan.Zero;

        var results = await store.SearchAsync("clofarabine", 10, 0);

        Assert.True(results.TimedOut);
        Assert.Empty(results.Hits);
    }

    [Fact]
    public async Task Run_StatementPastTheBudget_IsInterruptedAsTimedOut()
    {
        await using var store = SqliteStores.Create(TimeProvider.System);
        await using var connection = store.OpenConnection();
        using var budget = SqliteQueryBudget.Start(connection, TimeSpan.FromMilliseconds(50), CancellationToken.None);
        using var command = connection.CreateCommand();
        command.CommandText = Endless;

        await Assert.ThrowsAsync<SearchTimedOutException>(() => budget.Run(() => command.ExecuteScalarAsync()));
        Assert.True(budget.IsSpent);
    }

    [Fact]
    public async Task Run_CallerCancels_IsACancellationNotATimeOut()
    {
        await using var store = SqliteStores.Create(TimeProvider.System);
        await using var connection = store.OpenConnection();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        using var budget = SqliteQueryBudget.Start(connection, TimeSpan.FromMinutes(5), cancel.Token);
        using var command = connection.CreateCommand();
        command.CommandText = Endless;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => budget.Run(() => command.ExecuteScalarAsync()));
    }

    [Fact]
    public async Task Dispose_RemovesTheHandler_SoThePooledConnectionRunsLongStatements()
    {
        await using var store = SqliteStores.Create(TimeProvider.System);
        await using var connection = store.OpenConnection();
        SqliteQueryBudget.Start(connection, TimeSpan.Zero, CancellationToken.None).Dispose();
        using var command = connection.CreateCommand();
        command.CommandText = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000) SELECT count(*) FROM n";

        Assert.Equal(200_000L, await command.ExecuteScalarAsync());
    }
}
