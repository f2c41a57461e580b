using Formulary.Storage.Importing;
using Formulary.Storage.Search;
using Formulary.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

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
    public async Task Search_EverySlotHeld_WaitsWhileAStatementMayStartThenAnswersTimedOut()
    {
        var time = new FakeTimeProvider();
        await using var store = await ClofarabineStoreAsync(time);
        var held = HoldEverySlot(store);

        var waiting = store.SearchAsync("clofarabine", 10, 0);
        time.Advance(TimeSpan.FromMilliseconds(119)); // 150 ms budget - 30 ms start reserve = 120 ms
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var results = await waiting;

        Assert.Equal((true, 0), (results.TimedOut, results.Hits.Count));
        store.SearchSlots.Release(held);
        Assert.Equal((false, "clofarabine"), ((await store.SearchAsync("clofarabine", 10, 0)).TimedOut, (await store.SearchAsync("clofarabine", 10, 0)).Hits[0].Slug));
    }

    [Fact]
    public async Task Search_SlotFreedWithinTheBudget_RunsWithWhatIsLeft()
    {
        var time = new FakeTimeProvider();
        await using var store = await ClofarabineStoreAsync(time);
        var held = HoldEverySlot(store);

        var waiting = store.SearchAsync("clofarabine", 10, 0);
        time.Advance(TimeSpan.FromMilliseconds(100));
        store.SearchSlots.Release(held);
        var results = await waiting;

        Assert.Equal((false, "clofarabine"), (results.TimedOut, results.Hits[0].Slug));
    }

    [Fact]
    public async Task Search_ArrivedABudgetAgo_AnswersTimedOutWithoutWaiting()
    {
        var time = new FakeTimeProvider();
        await using var store = await ClofarabineStoreAsync(time);
        var arrived = time.GetTimestamp();
        time.Advance(TimeSpan.FromMilliseconds(150));

        var late = await store.SearchAsync(new SearchRequest("clofarabine") { Arrived = arrived });
        var fresh = await store.SearchAsync(new SearchRequest("clofarabine") { Arrived = time.GetTimestamp() });

        Assert.Equal((true, 0), (late.TimedOut, late.Hits.Count));
        Assert.Equal((false, "clofarabine"), (fresh.TimedOut, fresh.Hits[0].Slug));
    }

    [Fact]
    public async Task Search_ArrivedWithinTheStartReserveOfTheBudgetsEnd_AnswersTimedOut()
    {
        // 150 ms budget - 30 ms start reserve: a search that arrived 120 ms ago starts nothing; 119 ms ago, it runs.
        var time = new FakeTimeProvider();
        await using var store = await ClofarabineStoreAsync(time);
        var arrived120 = time.GetTimestamp();
        time.Advance(TimeSpan.FromMilliseconds(1));
        var arrived119 = time.GetTimestamp();
        time.Advance(TimeSpan.FromMilliseconds(119));

        var late = await store.SearchAsync(new SearchRequest("clofarabine") { Arrived = arrived120 });
        var inTime = await store.SearchAsync(new SearchRequest("clofarabine") { Arrived = arrived119 });

        Assert.Equal((true, 0), (late.TimedOut, late.Hits.Count));
        Assert.Equal((false, "clofarabine"), (inTime.TimedOut, inTime.Hits[0].Slug));
    }

    [Fact]
    public async Task Search_StuckInACallNothingCanInterrupt_AnswersTimedOutByTheBudgetPlusGraceAndGivesTheSlotBackLater()
    {
        // Opening the connection stands for any call SQLite's progress handler cannot interrupt (an FTS5 prefix merge).
        var time = new FakeTimeProvider();
        await using var store = await ClofarabineStoreAsync(time);
        using var stuck = new ManualResetEventSlim();
        var search = new SqliteSearch(() => { stuck.Wait(TimeSpan.FromSeconds(30)); return store.OpenConnection(); }, time);
        var slots = search.Slots.CurrentCount;

        var answering = search.SearchAsync(new SearchRequest("clofarabine"), SearchLimits.TimeBudget, CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(169)); // 150 ms budget + 20 ms answer grace
        Assert.False(answering.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var results = await answering.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((true, 0), (results.TimedOut, results.Hits.Count));
        Assert.Equal(slots - 1, search.Slots.CurrentCount); // still held by the stuck statement
        stuck.Set();
        for (var waited = 0; search.Slots.CurrentCount < slots && waited < 1_000; waited++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(slots, search.Slots.CurrentCount);
    }

    /// <summary>A store on a clock that moves only when the test says (so the budget never ends by itself), with the default 150 ms budget.</summary>
    private static async Task<SqliteMonographStore> ClofarabineStoreAsync(FakeTimeProvider time)
    {
        var store = SqliteStores.Create(time);
        store.SearchBudget = SearchLimits.TimeBudget;
        await store.ImportAsync([TestMonographs.Composition("clofarabine", "Clofarabine", "## Usage\nLeukemia.")], ImportOptions.WholeContentSet);
        return store;
    }

    private static int HoldEverySlot(SqliteMonographStore store)
    {
        var held = 0;
        while (store.SearchSlots.Wait(0))
        {
            held++;
        }

        Assert.True(held > 0);
        return held;
    }

    [Fact]
    public async Task Run_StatementPastTheBudget_IsInterruptedAsTimedOut()
    {
        await using var store = SqliteStores.Create(TimeProvider.System);
        await using var connection = store.OpenConnection();
        using var budget = SqliteQueryBudget.Start(connection, SearchDeadline.After(TimeSpan.FromMilliseconds(50), TimeProvider.System), CancellationToken.None);
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
        using var budget = SqliteQueryBudget.Start(connection, SearchDeadline.After(TimeSpan.FromMinutes(5), TimeProvider.System), cancel.Token);
        using var command = connection.CreateCommand();
        command.CommandText = Endless;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => budget.Run(() => command.ExecuteScalarAsync()));
    }

    [Fact]
    public async Task Dispose_RemovesTheHandler_SoThePooledConnectionRunsLongStatements()
    {
        await using var store = SqliteStores.Create(TimeProvider.System);
        await using var connection = store.OpenConnection();
        SqliteQueryBudget.Start(connection, SearchDeadline.After(TimeSpan.Zero, TimeProvider.System), CancellationToken.None).Dispose();
        using var command = connection.CreateCommand();
        command.CommandText = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000) SELECT count(*) FROM n";

        Assert.Equal(200_000L, await command.ExecuteScalarAsync());
    }
}
