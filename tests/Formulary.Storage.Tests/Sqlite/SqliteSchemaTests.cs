using System.Text.Json;
using Formulary.Monographs;
using Formulary.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Tests.Sqlite;

public sealed class SqliteSchemaTests
{
    [Fact]
    public async Task Open_SchemaOneDatabaseWithPlainJsonModel_MigratesAndStillReadsIt()
    {
        var path = NewPath();
        var document = TestMonographs.Composition("old", "Old Drug", "## Usage\nText.");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            SqliteSchema.Migrate(connection, targetVersion: 1);
            using var insert = connection.CreateCommand();
            insert.CommandText =
                """
                INSERT INTO documents (id, collection, slug, latest_version, title, names, body_text, summary_json) VALUES (1, 'compositions', 'old', 1, 'Old Drug', '', '', '{}');
                INSERT INTO versions VALUES (1, 1, $hash, 'old.md', $source, $json, '2026-01-01T00:00:00.0000000+00:00');
                """;
            insert.Parameters.AddWithValue("$hash", document.Monograph.ContentHash);
            insert.Parameters.AddWithValue("$source", document.SourceText);
            insert.Parameters.AddWithValue("$json", JsonSerializer.Serialize(document.Monograph, ModelJson.Options));
            insert.ExecuteNonQuery();
        }

        await using var store = SqliteMonographStore.Open(path, TimeProvider.System);

        Assert.Equal("Old Drug", (await store.GetAsync(Collection.Composition, "old"))!.Monograph.Title);
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        Assert.Equal(SqliteSchema.LatestVersion, SqliteSchema.UserVersion(check));
    }

    [Fact]
    public void Open_DatabaseFromNewerFormulary_IsRefused()
    {
        var path = NewPath();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(() => SqliteMonographStore.Open(path, TimeProvider.System));
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_NewFile_UsesWriteAheadLog()
    {
        var path = NewPath();
        await using var store = SqliteMonographStore.Open(path, TimeProvider.System);
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", command.ExecuteScalar());
    }

    private static string NewPath() => Path.Combine(Directory.CreateTempSubdirectory("formulary-schema-").FullName, "formulary.db");
}
