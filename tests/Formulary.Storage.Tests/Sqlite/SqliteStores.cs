using Formulary.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Tests.Sqlite;

/// <summary>Each test gets a real SQLite file in its own temporary folder.</summary>
internal static class SqliteStores
{
    /// <summary>A long search budget: these tests check what a search finds, not how fast (SqliteQueryBudgetTests do that).</summary>
    public static SqliteMonographStore Create(TimeProvider time)
    {
        var store = SqliteMonographStore.Open(Path.Combine(Directory.CreateTempSubdirectory("formulary-store-").FullName, "formulary.db"), time);
        store.SearchBudget = TimeSpan.FromSeconds(30);
        return store;
    }

    /// <summary>A pragma's value read from the file on a connection of its own (not the store's, which sets some on open).</summary>
    public static object? Pragma(string path, string name)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return command.ExecuteScalar();
    }
}
