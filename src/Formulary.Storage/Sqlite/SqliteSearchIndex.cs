using Formulary.Storage.Importing;
using Formulary.Storage.Relational;
using Formulary.Storage.Search;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// Keeps the FTS5 table in step with the documents, inside the import's transaction. A document's
/// names field holds its own alternate names plus the titles of the live brand pages that link to it,
/// so a brand page's change also re-indexes its target.
/// </summary>
internal static class SqliteSearchIndex
{
    /// <summary>
    /// The full-text rowid of a document is its id plus its collection's place in the ranking order
    /// (<see cref="SearchGroups.Order"/>) times 2^40 (schema 11), so one collection's matches are one rowid
    /// range: counting per collection and ranking within one need no join to documents.
    /// </summary>
    public const long CollectionStride = 1L << 40;

    /// <summary><see cref="CollectionStride"/>'s rowid of the documents row aliased <c>d</c>.</summary>
    public const string RowidOfD = "(d.id + (CASE d.collection WHEN 'compositions' THEN 0 WHEN 'combinations' THEN 1 ELSE 2 END) * 1099511627776)";

    public static int RankOfRowid(long rowid) => (int)(rowid / CollectionStride);

    public static long IdOfRowid(long rowid) => rowid % CollectionStride;

    public static async Task RefreshAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IndexRefresh refresh,
        CancellationToken cancellationToken)
    {
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = "CREATE TEMP TABLE IF NOT EXISTS refresh_ids (id INTEGER PRIMARY KEY); DELETE FROM temp.refresh_ids;";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        using (var add = connection.CreateCommand())
        {
            add.Transaction = transaction;
            add.CommandText = "INSERT OR IGNORE INTO temp.refresh_ids (id) VALUES ($id)";
            var id = add.Parameters.Add("$id", SqliteType.Integer);
            foreach (var documentId in refresh.DocumentIds)
            {
                id.Value = documentId;
                await add.ExecuteNonQueryAsync(cancellationToken);
            }

            add.CommandText = "INSERT OR IGNORE INTO temp.refresh_ids (id) SELECT id FROM documents WHERE collection = $collection AND slug = $slug";
            add.Parameters.Clear();
            var collection = add.Parameters.Add("$collection", SqliteType.Text);
            var slug = add.Parameters.Add("$slug", SqliteType.Text);
            foreach (var target in refresh.Targets)
            {
                collection.Value = StoreText.Collection(target.Collection);
                slug.Value = target.Slug;
                await add.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        using var rebuild = connection.CreateCommand();
        rebuild.Transaction = transaction;
        rebuild.CommandText =
            $"""
            DELETE FROM search WHERE rowid IN (SELECT {RowidOfD} FROM documents d JOIN temp.refresh_ids r ON r.id = d.id);
            INSERT INTO search (rowid, title, names, indications, body)
            SELECT {RowidOfD}, d.title,
                   d.names || char(10) || coalesce((SELECT group_concat(b.title, char(10)) FROM documents b
                       WHERE b.link_collection = d.collection AND b.link_slug = d.slug AND b.removed_at IS NULL), ''),
                   d.indications, d.body_text
            FROM documents d JOIN temp.refresh_ids r ON r.id = d.id
            WHERE d.removed_at IS NULL AND d.latest_version > 0;
            UPDATE documents SET changed_generation = (SELECT value FROM store_meta WHERE key = 'generation') + 1
            WHERE id IN (SELECT id FROM temp.refresh_ids);
            """;
        await rebuild.ExecuteNonQueryAsync(cancellationToken);
        RefreshNames(connection, transaction);
        rebuild.CommandText = "DELETE FROM temp.refresh_ids;";
        await rebuild.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// A database from before schema 6 has no names yet: index every live document's names once, on
    /// open. (Its names fields hold no <see cref="SearchDocument.NamesEnd"/>, so until a document is
    /// imported again its title and brand titles are indexed, not its alternate names.)
    /// </summary>
    public static void BackfillNames(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            SELECT NOT EXISTS (SELECT 1 FROM search_names) AND EXISTS (SELECT 1 FROM documents WHERE removed_at IS NULL AND latest_version > 0)
            """;
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        command.CommandText =
            """
            CREATE TEMP TABLE IF NOT EXISTS refresh_ids (id INTEGER PRIMARY KEY); DELETE FROM temp.refresh_ids;
            INSERT INTO temp.refresh_ids (id) SELECT id FROM documents WHERE removed_at IS NULL AND latest_version > 0;
            """;
        command.ExecuteNonQuery();
        RefreshNames(connection, transaction);
        command.CommandText = "DELETE FROM temp.refresh_ids;";
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>
    /// Replaces the search_names rows of the documents in temp.refresh_ids (see <see cref="SearchName.For"/>)
    /// and counts their words in and out of name_terms.
    /// </summary>
    private static void RefreshNames(SqliteConnection connection, SqliteTransaction transaction)
    {
        var rows = new List<SearchName>();
        var before = new List<(long, string)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT id, folded FROM search_names WHERE id IN (SELECT id FROM temp.refresh_ids)";
            using (var old = read.ExecuteReader())
            {
                while (old.Read())
                {
                    before.Add((old.GetInt64(0), old.GetString(1)));
                }
            }

            read.CommandText =
                """
                SELECT d.id, d.title, d.names, (SELECT json_group_array(b.title) FROM documents b
                    WHERE b.link_collection = d.collection AND b.link_slug = d.slug AND b.removed_at IS NULL AND b.latest_version > 0)
                FROM documents d JOIN temp.refresh_ids r ON r.id = d.id WHERE d.removed_at IS NULL AND d.latest_version > 0
                """;
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                var brands = System.Text.Json.JsonSerializer.Deserialize<string[]>(reader.GetString(3)) ?? [];
                rows.AddRange(SearchName.For(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), brands));
            }
        }

        using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "DELETE FROM search_names WHERE id IN (SELECT id FROM temp.refresh_ids)";
        write.ExecuteNonQuery();
        write.CommandText = "INSERT INTO search_names (folded, key, name, kind, id) VALUES ($folded, $key, $name, $kind, $id)";
        var folded = write.Parameters.Add("$folded", SqliteType.Text);
        var key = write.Parameters.Add("$key", SqliteType.Text);
        var name = write.Parameters.Add("$name", SqliteType.Text);
        var kind = write.Parameters.Add("$kind", SqliteType.Integer);
        var id = write.Parameters.Add("$id", SqliteType.Integer);
        foreach (var row in rows)
        {
            (folded.Value, key.Value, name.Value, kind.Value, id.Value) = (row.Folded, row.Key, row.Name, (int)row.Kind, row.DocumentId);
            write.ExecuteNonQuery();
        }

        // Microsoft.Data.Sqlite's asynchronous calls complete synchronously.
        StoreNameTerms.ApplyAsync(connection, transaction, StoreNameTerms.Change(before, rows.Select(r => (r.DocumentId, r.Folded))), CancellationToken.None)
            .GetAwaiter().GetResult();
    }
}
