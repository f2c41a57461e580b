using System.Diagnostics;
using Formulary.Monographs;
using Formulary.Storage;
using Formulary.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Formulary.Cli.Tests.Commands;

/// <summary>
/// The import is one transaction: a real <c>formulary import</c> process killed in the middle of
/// writing leaves the database exactly as the previous complete import left it.
/// </summary>
public sealed class ImportKillTests
{
    private const int Documents = 1500;

    /// <summary>WAL growth that proves the child is writing its transaction (pages spill past SQLite's 2 MB cache) while far from its end (~40 MB).</summary>
    private const long WalBytesMidway = 6 * 1024 * 1024;

    [Fact]
    public async Task Import_ProcessKilledWhileWriting_DatabaseHoldsPreviousCompleteState()
    {
        var content = new TestContent();
        content.WriteSeedCopies(Documents);

        Assert.Equal(0, CliRun.Run("import", content.Root, "--db", content.Database).Exit);
        for (var i = 0; i < Documents; i++)
        {
            File.AppendAllText(Path.Combine(content.Root, "compositions", $"drug-{i:D4}.md"), $"\nRevised paragraph {i}.\n");
        }

        var killedWhileRunning = await KillImportMidwayAsync(content);

        Assert.True(killedWhileRunning, "the child import finished before the WAL showed it writing; the test could not kill it midway");
        await using (var store = SqliteMonographStore.Open(content.Database, TimeProvider.System))
        {
            var all = await store.ListAsync();
            Assert.Equal(Documents + 2, all.Count);
            Assert.All(all, summary => Assert.Equal(1, summary.Version));
            Assert.Single(await store.ListVersionsAsync(Collection.Composition, "drug-0000"));
            Assert.DoesNotContain("Revised paragraph", (await store.GetAsync(Collection.Composition, "drug-0000"))!.SourceText, StringComparison.Ordinal);
            store.SearchBudget = TimeSpan.FromSeconds(30); // a loaded machine must not make a behaviour test a timing test
            var revised = await store.SearchAsync("revised", 10, 0);
            Assert.Equal((0, false), (revised.Total, revised.TimedOut));
            Assert.Equal("ok", IntegrityCheck(content.Database));
        }

        var (exit, output, _) = CliRun.Run("import", content.Root, "--db", content.Database);
        Assert.Equal(0, exit);
        Assert.Contains($": 0 added, {Documents} changed, 2 unchanged,", output, StringComparison.Ordinal);
    }

    private static async Task<bool> KillImportMidwayAsync(TestContent content)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "formulary.dll"), "import", content.Root, "--db", content.Database, "--json" })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var drainOut = child.StandardOutput.ReadToEndAsync();
        var drainErr = child.StandardError.ReadToEndAsync();
        var wal = new FileInfo(content.Database + "-wal");
        var baseline = wal.Exists ? wal.Length : 0;
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var killed = false;
        while (!child.HasExited && !giveUp.IsCancellationRequested)
        {
            wal.Refresh();
            if (wal.Exists && wal.Length - baseline > WalBytesMidway)
            {
                child.Kill(entireProcessTree: true);
                killed = true;
                break;
            }

            await Task.Delay(5);
        }

        await child.WaitForExitAsync(CancellationToken.None);
        await Task.WhenAll(drainOut, drainErr);
        return killed;
    }

    private static string IntegrityCheck(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }
}
