using System.Text.Json;
using Formulary.Monographs;
using Formulary.Storage.Postgres;
using Npgsql;

namespace Formulary.Storage.Tests.Postgres;

/// <summary>Issue 7.4: a database made by an older Formulary is upgraded on open (and by <c>db migrate</c>) and still read.</summary>
public sealed class PostgresSchemaTests
{
    [SkippableFact]
    public async Task Open_SchemaOneDatabase_MigratesToTheLatestAndStillReadsIt()
    {
        var connectionString = await PostgresStores.NewSchemaAsync();
        var document = TestMonographs.Composition("old", "Old Drug", "## Usage\nText.");
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            Assert.Equal(1, await PostgresSchema.MigrateAsync(dataSource, CancellationToken.None, targetVersion: 1));
            // Schema 1's shape: the model in model_json, no parser version, head version, rules or A-Z columns.
            await using var insert = dataSource.CreateCommand(
                """
                WITH d AS (
                    INSERT INTO documents (collection, slug, latest_version, title, names, body_text, summary_json)
                    VALUES ('compositions', 'old', 1, 'Old Drug', '', '', '{}') RETURNING id)
                INSERT INTO versions (document_id, version, content_hash, source_path, source_text, model_json, imported_at)
                SELECT id, 1, $1, 'old.md', $2, $3, '2026-01-01T00:00:00Z' FROM d
                """);
            insert.Parameters.Add(new NpgsqlParameter { Value = document.Monograph.ContentHash });
            insert.Parameters.Add(new NpgsqlParameter { Value = document.SourceText });
            insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(document.Monograph, ModelJson.Options) });
            await insert.ExecuteNonQueryAsync();
        }

        await using var store = await PostgresMonographStore.OpenAsync(connectionString, TimeProvider.System);

        Assert.Equal((PostgresSchema.LatestVersion, PostgresSchema.LatestVersion - 1), store.Schema);
        Assert.Equal("Old Drug", (await store.GetAsync(Collection.Composition, "old"))!.Monograph.Title);
        // Stored before the A-Z columns existed: filled on open, so it is listed before any import.
        Assert.Equal([new Browsing.LetterCount(Collection.Composition, "o", 1)], await store.CountByLetterAsync());
        var reimport = await store.ImportAsync([document], Importing.ImportOptions.Partial);
        Assert.Equal(1, reimport.Reparsed); // stored before parser versions were recorded: re-parsed once
        Assert.Equal(1, (await store.GetAsync(Collection.Composition, "old"))!.Version.Number); // the same content: no new version
    }
}
