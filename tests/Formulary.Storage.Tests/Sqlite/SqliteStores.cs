using Formulary.Storage.Sqlite;

namespace Formulary.Storage.Tests.Sqlite;

/// <summary>Each test gets a real SQLite file in its own temporary folder.</summary>
internal static class SqliteStores
{
    public static SqliteMonographStore Create(TimeProvider time) =>
        SqliteMonographStore.Open(Path.Combine(Directory.CreateTempSubdirectory("formulary-store-").FullName, "formulary.db"), time);
}
