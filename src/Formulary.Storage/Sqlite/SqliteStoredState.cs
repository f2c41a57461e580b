using Formulary.Monographs;
using Formulary.Storage.Importing;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Sqlite;

internal static class SqliteStoredState
{
    public static async Task<Dictionary<(Collection, string), StoredState>> LoadAsync(
        SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            SELECT d.id, d.collection, d.slug, d.latest_version, d.removed_at IS NOT NULL, v.content_hash, v.source_path, d.link_collection, d.link_slug
            FROM documents d JOIN versions v ON v.document_id = d.id AND v.version = d.latest_version
            """;
        var rows = new Dictionary<(Collection, string), StoredState>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = new StoredState(
                reader.GetInt64(0),
                StoreText.ParseCollection(reader.GetString(1)),
                reader.GetString(2),
                reader.GetInt32(3),
                reader.GetBoolean(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : StoreText.ParseCollection(reader.GetString(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8));
            rows[(state.Collection, state.Slug)] = state;
        }

        return rows;
    }
}
