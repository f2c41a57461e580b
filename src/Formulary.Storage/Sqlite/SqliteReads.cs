using System.Text.Json;
using Formulary.Monographs;
using Formulary.Monographs.Model;
using Formulary.Storage.Listing;
using Formulary.Storage.Versions;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Sqlite;

internal static class SqliteReads
{
    /// <summary>A given version, or (when <paramref name="version"/> is null) the latest version of a live document.</summary>
    public static async Task<StoredMonograph?> GetAsync(
        SqliteConnection connection, Collection collection, string slug, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT v.version, v.content_hash, v.imported_at, v.source_path, v.source_text, v.model, d.latest_version, d.removed_at
            FROM documents d JOIN versions v ON v.document_id = d.id
            WHERE d.collection = $collection AND d.slug = $slug
              AND ((@version IS NULL AND v.version = d.latest_version AND d.removed_at IS NULL) OR v.version = @version)
            """;
        command.Parameters.AddWithValue("$collection", StoreText.Collection(collection));
        command.Parameters.AddWithValue("$slug", slug);
        command.Parameters.AddWithValue("@version", (object?)version ?? DBNull.Value);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var number = reader.GetInt32(0);
        var isLatest = number == reader.GetInt32(6) && reader.IsDBNull(7);
        var metadata = new MonographVersion(number, reader.GetString(1), StoreText.ParseInstant(reader.GetString(2)), reader.GetString(3), isLatest);
        var monograph = SqliteModel.Unpack(reader.GetValue(5));
        return new StoredMonograph(monograph, reader.GetString(4), metadata);
    }

    public static async Task<IReadOnlyList<MonographVersion>> ListVersionsAsync(
        SqliteConnection connection, Collection collection, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT v.version, v.content_hash, v.imported_at, v.source_path, v.version = d.latest_version AND d.removed_at IS NULL
            FROM documents d JOIN versions v ON v.document_id = d.id
            WHERE d.collection = $collection AND d.slug = $slug
            ORDER BY v.version
            """;
        command.Parameters.AddWithValue("$collection", StoreText.Collection(collection));
        command.Parameters.AddWithValue("$slug", slug);
        var versions = new List<MonographVersion>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new MonographVersion(
                reader.GetInt32(0), reader.GetString(1), StoreText.ParseInstant(reader.GetString(2)), reader.GetString(3), reader.GetBoolean(4)));
        }

        return versions;
    }

    public static async Task<IReadOnlyList<MonographSummary>> ListAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT summary_json FROM documents WHERE removed_at IS NULL ORDER BY collection, slug";
        var summaries = new List<MonographSummary>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            summaries.Add(JsonSerializer.Deserialize<MonographSummary>(reader.GetString(0), ModelJson.Options)!);
        }

        return summaries;
    }
}
