using System.Text.Json;
using Formulary.Monographs;
using Formulary.Storage.Relational;
using Formulary.Storage.Search;
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
        // Stored before the A-Z columns existed: filled on open, so it is listed before any import.
        Assert.Equal([new Browsing.LetterCount(Collection.Composition, "o", 1)], await store.CountByLetterAsync());
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        Assert.Equal(SqliteSchema.LatestVersion, SqliteSchema.UserVersion(check));
        var reimport = await store.ImportAsync([document], Importing.ImportOptions.Partial);
        Assert.Equal(1, reimport.Reparsed); // stored before parser versions were recorded: re-parsed once
    }

    [Fact]
    public async Task Open_SchemaNineStore_FillsTheNameWordsAndRekeysTheIndexSoSearchAndCorrectionsWork()
    {
        var path = NewPath();
        await using (var store = SqliteMonographStore.Open(path, TimeProvider.System))
        {
            await store.ImportAsync(
                [
                    TestMonographs.Composition("clofarabine", "Clofarabine", "## Usage\nLeukemia.", "clofarabine", "Evoltra"),
                    TestMonographs.Brand("evoltra-20", "Evoltra 20 mg", "clofarabine", "## Usage\nLeukemia."),
                ],
                Importing.ImportOptions.WholeContentSet);
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var downgrade = connection.CreateCommand();
            // Schema 9's shape: no name_terms (the vocabulary read from FTS5 itself), full-text rowids equal to document ids.
            downgrade.CommandText =
                """
                DROP TABLE name_terms;
                CREATE VIRTUAL TABLE search_by_id USING fts5 (title, names, indications, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
                INSERT INTO search_by_id (rowid, title, names, indications, body) SELECT rowid % 1099511627776, title, names, indications, body FROM search;
                DROP TABLE search;
                ALTER TABLE search_by_id RENAME TO search;
                CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab (search, 'col');
                PRAGMA user_version = 9;
                """;
            downgrade.ExecuteNonQuery();
        }

        await using var migrated = SqliteMonographStore.Open(path, TimeProvider.System);
        migrated.SearchBudget = TimeSpan.FromSeconds(30);

        Assert.Equal((SqliteSchema.LatestVersion, SqliteSchema.LatestVersion - 9), migrated.Schema);
        var brands = await migrated.SearchAsync(new SearchRequest("leukemia") { Collection = Collection.Medicine });
        Assert.Equal(("evoltra-20", 1, 1), (Assert.Single(brands.Hits).Slug, brands.Counts.Single(c => c.Collection == Collection.Composition).Count, brands.Total));
        Assert.Equal("clofarabine", (await migrated.SearchAsync(new SearchRequest("klofarabine") { Correct = false })).DidYouMean);
        Assert.Equal("evoltra", (await migrated.SearchAsync(new SearchRequest("evoltro") { Correct = false })).DidYouMean);
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

    [Theory]
    [InlineData("SELECT summary_json FROM documents WHERE collection = 'compositions' AND browse_letter = 'c' AND removed_at IS NULL AND latest_version > 0 ORDER BY browse_key, slug LIMIT 100 OFFSET 0", "documents_browse")]
    [InlineData("SELECT collection, browse_letter, count(*) FROM documents WHERE removed_at IS NULL AND latest_version > 0 GROUP BY collection, browse_letter", "documents_browse")]
    [InlineData("recent:newest", "versions_recent")]
    [InlineData("recent:every", "versions_recent")]
    public async Task QueryPlan_BrowseQueries_ReadAnIndexRangeWithoutSorting(string sql, string index)
    {
        await using var store = SqliteMonographStore.Open(NewPath(), TimeProvider.System);
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        // The recent-changes statement is the store's own (StoreBrowse.RecentSql), not a copy of it.
        command.CommandText = "EXPLAIN QUERY PLAN " + sql switch
        {
            "recent:newest" => StoreBrowse.RecentSql(everyVersion: false),
            "recent:every" => StoreBrowse.RecentSql(everyVersion: true),
            _ => sql,
        };
        command.Parameters.AddWithValue("@limit", 10);
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        // A scan in index order needs no temporary B-tree: the page is read, not the collection sorted.
        Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    private static string NewPath() => Path.Combine(Directory.CreateTempSubdirectory("formulary-schema-").FullName, "formulary.db");
}
