using Formulary.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Tests.Relational;

public sealed class PreparedCommandsTests
{
    [Fact]
    public async Task ExecuteAsync_SameStatementForEveryRow_PreparesItOnceAndStoresEachRowsValues()
    {
        await using var connection = await TableAsync();
        const string Insert = "INSERT INTO t (k, v) VALUES (@k, @v)";
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var commands = new PreparedCommands(connection, transaction))
        {
            Assert.Equal(1, await commands.ExecuteAsync(Insert, CancellationToken.None, ("k", 1), ("v", "one")));
            Assert.Equal(1, await commands.ExecuteAsync(Insert, CancellationToken.None, ("k", 2), ("v", null)));
            Assert.Equal(1, await commands.ExecuteAsync(Insert, CancellationToken.None, ("k", 3), ("v", "a\0b")));
            Assert.Equal(3L, await commands.ScalarAsync("SELECT count(*) FROM t", CancellationToken.None));

            Assert.Equal(2, commands.Count); // the insert once, the count once
        }

        await transaction.CommitAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT k, coalesce(v, '<null>') FROM t ORDER BY k";
        var rows = new List<(long, string)>();
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        // Each row has its own values, not the previous row's; null is NULL; NUL is kept as both stores keep it.
        Assert.Equal([(1L, "one"), (2L, "<null>"), (3L, "a\uFFFDb")], rows);
    }

    [Fact]
    public async Task ExecuteAsync_ParametersInAnotherOrderThanPrepared_ThrowsAndWritesNothing()
    {
        await using var connection = await TableAsync();
        const string Insert = "INSERT INTO t (k, v) VALUES (@k, @v)";
        await using var transaction = await connection.BeginTransactionAsync();
        await using var commands = new PreparedCommands(connection, transaction);
        await commands.ExecuteAsync(Insert, CancellationToken.None, ("k", 1), ("v", "one"));

        // Values are set by position: the same names in another order would swap them, so the call is refused.
        await Assert.ThrowsAsync<InvalidOperationException>(() => commands.ExecuteAsync(Insert, CancellationToken.None, ("v", "two"), ("k", 2)));
        Assert.Equal(1L, await commands.ScalarAsync("SELECT count(*) FROM t", CancellationToken.None));
    }

    /// <summary>A new SQLite file with one table <c>t (k INTEGER PRIMARY KEY, v TEXT NULL)</c>.</summary>
    private static async Task<SqliteConnection> TableAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(Directory.CreateTempSubdirectory("formulary-prepared-").FullName, "formulary.db")};Pooling=False");
        await connection.OpenAsync();
        await using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NULL)";
        await create.ExecuteNonQueryAsync();
        return connection;
    }
}
