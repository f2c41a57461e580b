using Formulary.Storage.Importing;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// Keeps the FTS5 table in step with the documents, inside the import's transaction. A document's
/// names field holds its own alternate names plus the titles of the live brand pages that link to it,
/// so a brand page's change also re-indexes its target.
/// </summary>
internal static class SqliteSearchIndex
{
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
            """
            DELETE FROM search WHERE rowid IN (SELECT id FROM temp.refresh_ids);
            INSERT INTO search (rowid, title, names, body)
            SELECT d.id, d.title,
                   d.names || char(10) || coalesce((SELECT group_concat(b.title, char(10)) FROM documents b
                       WHERE b.link_collection = d.collection AND b.link_slug = d.slug AND b.removed_at IS NULL), ''),
                   d.body_text
            FROM documents d JOIN temp.refresh_ids r ON r.id = d.id
            WHERE d.removed_at IS NULL AND d.latest_version > 0;
            DELETE FROM temp.refresh_ids;
            """;
        await rebuild.ExecuteNonQueryAsync(cancellationToken);
    }
}
