using Formulary.Storage.Importing;
using Formulary.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using static Formulary.Storage.Tests.TestMonographs;

namespace Formulary.Storage.Tests.Sqlite;

/// <summary>Issue 12.6: readiness fails on a corrupt store (the review saw /health Healthy while every route answered 500).</summary>
public sealed class SqliteHealthTests
{
    [Fact]
    public async Task CheckHealth_PagesOverwrittenOnDisk_IntegrityCheckFailsWithReason()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("formulary-health-").FullName, "formulary.db");
        long schemaPages;
        long pageSize;
        await using (var store = SqliteMonographStore.Open(path, TimeProvider.System))
        {
            using (var connection = store.OpenConnection())
            using (var count = connection.CreateCommand())
            {
                count.CommandText = "PRAGMA page_count";
                schemaPages = (long)count.ExecuteScalar()!;
                count.CommandText = "PRAGMA page_size";
                pageSize = (long)count.ExecuteScalar()!;
            }

            var documents = Enumerable.Range(0, 200)
                .Select(i => Composition($"drug-{i}", $"Drug {i}", "## Usage\n" + string.Concat(Enumerable.Repeat($"Text of drug {i}. ", 40))))
                .ToList();
            await store.ImportAsync(documents, ImportOptions.WholeContentSet);
            Assert.True((await store.CheckHealthAsync(integrity: true)).Ready);
        }

        SqliteConnection.ClearAllPools();
        Corrupt(path, schemaPages, pageSize);

        await using var reopened = SqliteMonographStore.Open(path, TimeProvider.System);
        var health = await reopened.CheckHealthAsync(integrity: true);

        Assert.False(health.Ready);
        Assert.StartsWith("the store failed its integrity check: ", health.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(path, health.Problem, StringComparison.Ordinal); // a probe's answer names no server path
        Assert.Equal($"the store at {path}", health.Detail); // the operator's log does
    }

    /// <summary>
    /// Overwrites the pages the import wrote with noise, keeping the header and schema readable: the
    /// migrations write the schema first, and a long schema spills past the first page. The first 32 KB are
    /// always kept (eight of SQLite's default 4 KB pages, two of a new store's 16 KB pages).
    /// </summary>
    private static void Corrupt(string path, long schemaPages, long pageSize)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var noise = new byte[pageSize];
        new Random(12).NextBytes(noise);
        for (long offset = Math.Max(32 * 1024 / pageSize, schemaPages) * pageSize; offset < file.Length; offset += pageSize)
        {
            file.Position = offset;
            file.Write(noise);
        }
    }
}
