using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Sqlite;

/// <summary>What the import needs to know about every stored document: its latest version, hash and link.</summary>
internal static class SqliteStoredState
{
    public static async Task<Dictionary<(string Collection, string Slug), StoredRow>> LoadAsync(
        SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            SELECT d.id, d.collection, d.slug, d.latest_version, d.removed_at, d.link_collection, d.link_slug, v.content_hash, v.source_path
            FROM documents d JOIN versions v ON v.document_id = d.id AND v.version = d.latest_version
            """;
        var rows = new Dictionary<(string, string), StoredRow>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows[(reader.GetString(1), reader.GetString(2))] = new StoredRow(
                reader.GetInt64(0),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7),
                reader.GetString(8));
        }

        return rows;
    }
}

internal sealed record StoredRow(
    long Id, int LatestVersion, string? RemovedAt, string? LinkCollection, string? LinkSlug, string ContentHash, string SourcePath);
