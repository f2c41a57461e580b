using System.Diagnostics;
using System.Net;
using System.Text;
using Formulary.Monographs;
using Formulary.Storage;

namespace Formulary.Cli.Tests.Commands.MultiNode;

/// <summary>
/// Several nodes over one store, as deployed: two real <c>formulary serve</c> processes on one database
/// (PostgreSQL, and a SQLite file shared by two processes), content changed through the real CLI.
/// "Within 2 s" is the generation contract (each node re-reads it at most every 0.5 s): no request that
/// starts 2 s or more after the end of the import may get the old content (a search that ran out of its
/// time budget on a loaded machine is no answer either way).
/// </summary>
public sealed class MultiNodeTests
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    [SkippableTheory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task TwoNodes_CliImportOfChangedContent_BothServeNewTextSearchAndRulesWithin2Seconds(string provider)
    {
        var db = await TestDatabases.CreateAsync(provider);
        var content = new TestContent();
        File.Copy(Path.Combine(CliRun.Content, "compositions", "clofarabine.rules.yaml"), Path.Combine(content.Root, "compositions", "clofarabine.rules.yaml"));
        Assert.Equal(0, (await FormularyProcess.RunAsync("import", content.Root, "--db", db)).Exit);
        long generation;
        await using (var store = await StoreLocation.OpenAsync(db, TimeProvider.System))
        {
            generation = await store.GetGenerationAsync();
        }

        // Node b is started without --content, as from an older checkout: it must change nothing.
        await using var a = await ServeNode.StartAsync("--db", db);
        await using var b = await ServeNode.StartAsync("--db", db);
        await using (var store = await StoreLocation.OpenAsync(db, TimeProvider.System))
        {
            Assert.Equal(generation, await store.GetGenerationAsync());
        }

        Assert.Equal(HttpStatusCode.OK, (await DoseAsync(a)).Status);
        var usage = "Clofarabine is prescribed for the treatment of pediatric patients";
        var page = await a.Client.GetStringAsync(new Uri("/composition/clofarabine/", UriKind.Relative));
        Assert.Contains(usage, page, StringComparison.Ordinal);

        // One edit: a new word in the text, and the sentence the rules quote reworded (their quote goes stale).
        var file = Path.Combine(content.Root, "compositions", "clofarabine.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace(usage, "Zyloquartz note. Clofarabine is given to pediatric patients", StringComparison.Ordinal));
        // The rules' RULE001 disables the calculator; it does not reject the monograph (exit 0).
        Assert.Equal(0, (await FormularyProcess.RunAsync("import", content.Root, "--db", db)).Exit);
        var imported = Stopwatch.StartNew();

        // Both nodes are watched at once, each aspect until it shows the change. The contract: no answer from a request
        // that started 2 s or more after the import is stale. A search that used up its time budget (timedOut, which a
        // loaded CI machine can cause) says nothing either way and is not counted.
        var watched = await Task.WhenAll(new[] { a, b }.SelectMany(node => new[]
        {
            WatchAsync(node, async client => (await client.GetStringAsync(new Uri("/composition/clofarabine/", UriKind.Relative))).Contains("Zyloquartz", StringComparison.Ordinal), imported),
            WatchAsync(node, async client => Search(await client.GetStringAsync(new Uri("/api/search?q=zyloquartz", UriKind.Relative))), imported),
            WatchAsync(node, async _ => (await DoseAsync(node)).Body.Contains("RULE001", StringComparison.Ordinal), imported),
        }));
        Assert.All(watched, staleAfter => Assert.True(staleAfter is null, $"a request started {staleAfter?.TotalSeconds:0.00} s after the import got the old content"));

        var (status, body) = await DoseAsync(b);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("dose-rules-invalid", body, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task TwoConcurrentImportProcesses_LoseNothingAndDuplicateNothing(string provider)
    {
        var db = await TestDatabases.CreateAsync(provider);
        var left = new TestContent();
        var right = new TestContent();
        for (var i = 0; i < 150; i++)
        {
            left.Write($"compositions/left-{i:D3}.md", TestContent.Composition($"Left {i}", "Text."));
            right.Write($"compositions/right-{i:D3}.md", TestContent.Composition($"Right {i}", "Text."));
        }

        var results = await Task.WhenAll(
            FormularyProcess.RunAsync("import", left.Root, "--db", db, "--json"),
            FormularyProcess.RunAsync("import", right.Root, "--db", db, "--json"));

        Assert.All(results, r => Assert.Equal(0, r.Exit));
        await using var store = await StoreLocation.OpenAsync(db, TimeProvider.System);
        var all = await store.ListAsync();
        Assert.Equal(302, all.Count); // 150 + 150 + the seed and its brand page, once each
        Assert.All(all, s => Assert.Equal(1, s.Version));
        Assert.Single(await store.ListVersionsAsync(Collection.Composition, "clofarabine"));
        Assert.Equal(2, await store.GetGenerationAsync());
    }

    private static async Task<(HttpStatusCode Status, string Body)> DoseAsync(ServeNode node)
    {
        using var body = new StringContent("{\"drug\":\"clofarabine\",\"ageYears\":10,\"sex\":\"male\",\"weightKg\":32,\"heightCm\":138,\"scrMgDl\":0.5}", Encoding.UTF8, "application/json");
        using var response = await node.Client.PostAsync(new Uri("/api/dose", UriKind.Relative), body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Whether a search answer shows the new document; null when the search ran out of time (no evidence).</summary>
    private static bool? Search(string json)
    {
        using var results = System.Text.Json.JsonDocument.Parse(json);
        return results.RootElement.GetProperty("timedOut").GetBoolean() ? null : json.Contains("\"slug\":\"clofarabine\"", StringComparison.Ordinal);
    }

    /// <summary>
    /// Asks until an answer shows the change (fails after 90 s); returns the start time, after the import, of the
    /// latest request that began <see cref="Freshness"/> or more after it and still got the old content, or null.
    /// </summary>
    private static async Task<TimeSpan?> WatchAsync(ServeNode node, Func<HttpClient, Task<bool?>> changed, Stopwatch sinceImport)
    {
        TimeSpan? staleAfter = null;
        while (sinceImport.Elapsed < TimeSpan.FromSeconds(90))
        {
            var started = sinceImport.Elapsed;
            var answer = await changed(node.Client);
            if (answer == true)
            {
                return staleAfter;
            }

            if (answer == false && started >= Freshness)
            {
                staleAfter = started;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{node.Address} never served the change");
    }
}
