using System.Text;
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

    /// <summary>
    /// Migration 18 rebuilds the full-text index with 3- and 4-letter prefix indexes (no 2-letter one: no query asks for
    /// it) and FTS5's 'hashsize' at 32 MB, kept in the index's own config table (a later migration that rebuilt the index
    /// would lose it). A new store is made so; a schema 17 index (prefixes 2, 3 and 4, the default hashsize) is rebuilt so,
    /// and then finds a generic by its brand's title, by the 3- and 4-letter prefixes of its name and by a word and a prefix.
    /// </summary>
    [Fact]
    public async Task Open_SchemaSeventeenStore_RebuildsTheIndexWithoutTheTwoLetterPrefixesAndSearchStillFinds()
    {
        var path = await StoreWithABrandAsync();

        // The index keeps the prefixes a query can ask for: from the shortest word matched as a prefix to the longest one that
        // is a prefix anywhere in a query (SearchTerms.IsPrefix); one changed without the other would fail here.
        var prefixes = string.Join(' ', Enumerable.Range(SearchLimits.MinPrefixChars, SearchLimits.IndexedPrefixChars - SearchLimits.MinPrefixChars + 1));
        var made = IndexSettings(path);
        Assert.Equal(prefixes, made.Prefixes);
        Assert.Equal(("3 4", 32L * 1024 * 1024), made);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var downgrade = connection.CreateCommand();
            // Schema 17's index: contentless, prefixes 2, 3 and 4, FTS5's default hashsize.
            downgrade.CommandText = OlderIndex(SqliteSearchIndex.RowidOfD, "content = '', contentless_delete = 1,") + "\nPRAGMA user_version = 17;";
            downgrade.ExecuteNonQuery();
        }

        Assert.Equal(("2 3 4", (long?)null), IndexSettings(path));
        await using var migrated = SqliteMonographStore.Open(path, TimeProvider.System);
        migrated.SearchBudget = TimeSpan.FromSeconds(30);

        Assert.Equal((SqliteSchema.LatestVersion, SqliteSchema.LatestVersion - 17), migrated.Schema);
        Assert.Equal(("3 4", 32L * 1024 * 1024), IndexSettings(path));
        foreach (var query in new[] { "evoltra", "clo", "clof", "clofarabine leuk" })
        {
            var found = await migrated.SearchAsync(new SearchRequest(query) { Collection = Collection.Composition, Correct = false });
            Assert.True(found.Hits.Count == 1 && found.Hits[0].Slug == "clofarabine", query);
        }

        var brands = await migrated.SearchAsync(new SearchRequest("leukemia") { Collection = Collection.Medicine });
        Assert.Equal("evoltra-20", Assert.Single(brands.Hits).Slug);
    }

    /// <summary>The full-text table's prefix lengths (from its CREATE statement) and its 'hashsize' setting (null: FTS5's default).</summary>
    private static (string Prefixes, long? HashSize) IndexSettings(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE name = 'search'";
        var create = (string)command.ExecuteScalar()!;
        var prefixes = System.Text.RegularExpressions.Regex.Match(create, "prefix = '([^']*)'").Groups[1].Value;
        command.CommandText = "SELECT v FROM search_config WHERE k = 'hashsize'";
        return (prefixes, command.ExecuteScalar() is long size ? size : null);
    }

    [Fact]
    public async Task Open_SchemaNineStore_FillsTheNameWordsAndRekeysTheIndexSoSearchAndCorrectionsWork()
    {
        var path = await StoreWithABrandAsync();

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var downgrade = connection.CreateCommand();
            // Schema 9's shape: no name_terms (the vocabulary read from FTS5 itself), full-text rowids equal to document ids.
            downgrade.CommandText =
                $"""
                DROP TABLE name_terms;
                {IndexWithItsOwnCopy("d.id")}
                CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab (search, 'col');
                DROP INDEX versions_state;
                DROP INDEX documents_state;
                DROP TABLE source_stamps;
                DROP INDEX documents_changed;
                ALTER TABLE documents DROP COLUMN changed_generation;
                ALTER TABLE versions DROP COLUMN sections_html;
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
    public async Task Open_SchemaElevenStore_KeepsSourcesByteForByteAndSearchSnippetsAndHistoryWork()
    {
        var path = NewPath();
        var first = TestMonographs.Composition("fludarabine", "Fludarabine", "## Usage\nA purine analogue for leukemia.", "Fludara")
            with { SourceText = "\uFEFF---\ntitle: Fludarabine  \n---\n## Usage\nA purine analogue for leukemia.\u00A0\U0001F48A" };
        var second = TestMonographs.Composition("fludarabine", "Fludarabine", "## Usage\nA purine analogue for chronic leukemia.", "Fludara");
        await using (var store = SqliteMonographStore.Open(path, TimeProvider.System))
        {
            await store.ImportAsync([first], Importing.ImportOptions.WholeContentSet);
            await store.ImportAsync([second], Importing.ImportOptions.WholeContentSet);
        }

        DowngradeToSchemaEleven(path);
        await using var migrated = SqliteMonographStore.Open(path, TimeProvider.System);
        migrated.SearchBudget = TimeSpan.FromSeconds(30); // a loaded machine must not make a behaviour test a timing test

        Assert.Equal((SqliteSchema.LatestVersion, SqliteSchema.LatestVersion - 11), migrated.Schema);
        Assert.Equal(Encoding.UTF8.GetBytes(first.SourceText), Encoding.UTF8.GetBytes((await migrated.GetVersionAsync(Collection.Composition, "fludarabine", 1))!.SourceText));
        var diff = await migrated.DiffAsync(Collection.Composition, "fludarabine", 1, 2);
        Assert.Equal("A purine analogue for chronic leukemia.", Assert.Single(diff!.Lines, l => l.Kind == Versions.DiffLineKind.Added && l.Text.Contains("purine", StringComparison.Ordinal)).Text);
        // Stored before the sections were rendered at import: read without them (the export renders them).
        await foreach (var live in migrated.ReadLiveAsync())
        {
            Assert.Null(live.Unpack().Sections);
        }

        // The parser version moves with the rendered sections (MonographParser.ModelVersion): the same content from a newer
        // parser is re-parsed into the same version, which then holds its sections.
        var reparsed = await migrated.ImportAsync([second with { ModelVersion = second.ModelVersion + 1 }], Importing.ImportOptions.Partial);
        Assert.Equal(1, reparsed.Reparsed);
        var refreshed = Assert.Single(await migrated.ReadLiveAsync().ToListAsync()).Unpack();
        Assert.Contains("<p>A purine analogue for chronic leukemia.</p>", Assert.Single(refreshed.Sections!).Html, StringComparison.Ordinal);
        Assert.Equal(2, (await migrated.GetAsync(Collection.Composition, "fludarabine"))!.Version.Number);

        var hit = Assert.Single((await migrated.SearchAsync("chronic", 10, 0)).Hits);
        Assert.Contains("<mark>chronic</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Equal("fludarabine", Assert.Single((await migrated.SearchAsync("fludara", 10, 0)).Hits).Slug);

        // The upgraded index drops a changed document's old words by rowid alone.
        await migrated.ImportAsync([TestMonographs.Composition("fludarabine", "Fludarabine", "## Usage\nA nucleoside for lymphoma.", "Fludara")], Importing.ImportOptions.WholeContentSet);
        Assert.Empty((await migrated.SearchAsync("chronic", 10, 0)).Hits);
        Assert.Contains("<mark>lymphoma</mark>", Assert.Single((await migrated.SearchAsync("lymphoma", 10, 0)).Hits).SnippetHtml, StringComparison.Ordinal);
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

        Assert.Equal("wal", SqliteStores.Pragma(store.DatabasePath, "journal_mode"));
    }

    [Fact]
    public async Task Open_NewFile_Uses16KilobytePages()
    {
        var path = NewPath();
        await using var store = SqliteMonographStore.Open(path, TimeProvider.System);

        Assert.Equal(16384L, SqliteStores.Pragma(store.DatabasePath, "page_size"));
    }

    [Fact]
    public async Task Open_StoreMadeWith4KilobytePages_KeepsThemAndImportsAndReadsAsBefore()
    {
        var path = NewPath();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL;";
            create.ExecuteNonQuery();
            SqliteSchema.Migrate(connection);
        }

        await using var store = SqliteMonographStore.Open(path, TimeProvider.System);
        var report = await store.ImportAsync([TestMonographs.Composition("kept", "Kept Drug", "## Usage\nText.")], Importing.ImportOptions.Partial);

        Assert.Equal(4096L, SqliteStores.Pragma(store.DatabasePath, "page_size"));
        Assert.Equal(1, report.Added);
        Assert.Equal("Kept Drug", (await store.GetAsync(Collection.Composition, "kept"))!.Monograph.Title);
    }

    [Theory]
    [InlineData("SELECT summary_json FROM documents WHERE collection = 'compositions' AND browse_letter = 'c' AND removed_at IS NULL AND latest_version > 0 ORDER BY browse_key, slug LIMIT 100 OFFSET 0", "documents_browse")]
    [InlineData("SELECT collection, browse_letter, count(*) FROM documents WHERE removed_at IS NULL AND latest_version > 0 GROUP BY collection, browse_letter", "documents_browse")]
    [InlineData("recent:newest", "versions_recent")]
    [InlineData("recent:every", "versions_recent")]
    [InlineData("backfill", "documents_browse")]
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
            "backfill" => StoreBrowse.BackfillSql, // run on every open: an index, not the rows past their body text
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

    [Fact]
    public async Task QueryPlan_StoredState_ReadsTheStateIndexNotTheVersionRows()
    {
        await using var store = SqliteMonographStore.Open(NewPath(), TimeProvider.System);
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        // The import's own statement (StoredState.Sql): its version columns come from an index, never from the
        // rows that hold the packed source and model.
        command.CommandText = "EXPLAIN QUERY PLAN " + Importing.StoredState.Sql(new SqliteDialect());
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains("COVERING INDEX versions_state", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("COVERING INDEX documents_state", StringComparison.Ordinal));
    }

    /// <summary>
    /// Schema 11's shape: the full-text index keeps its own copy of the text (the same fields as the index
    /// refresh writes, under rowid <paramref name="rowid"/>), and source texts are plain text.
    /// </summary>
    private static void DowngradeToSchemaEleven(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var sources = new List<(long Rowid, string Text)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT rowid, source_text FROM versions";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                sources.Add((reader.GetInt64(0), SqliteBrotli.UnpackText(reader.GetValue(1))));
            }
        }

        using var downgrade = connection.CreateCommand();
        downgrade.CommandText = "UPDATE versions SET source_text = $text WHERE rowid = $rowid";
        foreach (var (rowid, text) in sources)
        {
            downgrade.Parameters.Clear();
            downgrade.Parameters.AddWithValue("$text", text);
            downgrade.Parameters.AddWithValue("$rowid", rowid);
            downgrade.ExecuteNonQuery();
        }

        downgrade.Parameters.Clear();
        downgrade.CommandText = IndexWithItsOwnCopy(SqliteSearchIndex.RowidOfD) + "\nDROP TABLE source_stamps;\nDROP INDEX versions_state;\nDROP INDEX documents_state;\nDROP INDEX documents_changed;\nALTER TABLE documents DROP COLUMN changed_generation;\nALTER TABLE versions DROP COLUMN sections_html;\nPRAGMA user_version = 11;";
        downgrade.ExecuteNonQuery();
    }

    /// <summary>Replaces the full-text index with one that keeps its own copy of the text (schema ≤ 11), rowids from <paramref name="rowid"/>.</summary>
    private static string IndexWithItsOwnCopy(string rowid) => OlderIndex(rowid, options: string.Empty);

    /// <summary>
    /// Replaces the full-text index with one as schemas before 18 made it (prefixes 2, 3 and 4; <paramref name="options"/>
    /// before them, e.g. contentless), holding the fields the index refresh writes, rowids from <paramref name="rowid"/>.
    /// </summary>
    private static string OlderIndex(string rowid, string options) =>
        $"""
        CREATE VIRTUAL TABLE search_older USING fts5 (title, names, indications, body, {options} tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
        INSERT INTO search_older (rowid, title, names, indications, body)
        SELECT {rowid}, d.title,
               d.names || char(10) || coalesce((SELECT group_concat(b.title, char(10)) FROM documents b
                   WHERE b.link_collection = d.collection AND b.link_slug = d.slug AND b.removed_at IS NULL), ''),
               d.indications, d.body_text
        FROM documents d WHERE d.removed_at IS NULL AND d.latest_version > 0;
        DROP TABLE search;
        ALTER TABLE search_older RENAME TO search;
        """;

    [Fact]
    public async Task ReadLive_SectionsRenderedByAnotherRendererVersion_ReadWithoutThem()
    {
        var path = NewPath();
        await using var store = SqliteMonographStore.Open(path, TimeProvider.System);
        await store.ImportAsync([TestMonographs.Composition("fludarabine", "Fludarabine", "## Usage\nA purine analogue.")], Importing.ImportOptions.WholeContentSet);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var older = connection.CreateCommand();
            older.CommandText = "UPDATE versions SET sections_html = $packed";
            older.Parameters.AddWithValue("$packed", SqliteBrotli.PackSections(new Versions.StoredSections(
                Monographs.Rendering.SectionRendering.Version - 1, [new("usage", "usage", "Usage", 2, "<p>Old HTML.</p>", [])])));
            older.ExecuteNonQuery();
        }

        var live = new List<Versions.LiveMonograph>();
        await foreach (var document in store.ReadLiveAsync())
        {
            live.Add(document.Unpack());
        }

        Assert.Null(Assert.Single(live).Sections);
    }

    /// <summary>A new store holding a generic (clofarabine) and a brand page that links to it (Evoltra 20 mg).</summary>
    private static async Task<string> StoreWithABrandAsync()
    {
        var path = NewPath();
        await using var store = SqliteMonographStore.Open(path, TimeProvider.System);
        await store.ImportAsync(
            [
                TestMonographs.Composition("clofarabine", "Clofarabine", "## Usage\nLeukemia.", "clofarabine", "Evoltra"),
                TestMonographs.Brand("evoltra-20", "Evoltra 20 mg", "clofarabine", "## Usage\nLeukemia."),
            ],
            Importing.ImportOptions.WholeContentSet);
        return path;
    }

    private static string NewPath() => Path.Combine(Directory.CreateTempSubdirectory("formulary-schema-").FullName, "formulary.db");
}
