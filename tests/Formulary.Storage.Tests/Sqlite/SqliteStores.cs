using Formulary.Storage.Sqlite;

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
}
