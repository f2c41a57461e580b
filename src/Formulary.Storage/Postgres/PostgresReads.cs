using System.Text.Json;
using Formulary.Monographs;
using Formulary.Monographs.Model;
using Formulary.Storage.Listing;
using Formulary.Storage.Versions;
using Npgsql;

namespace Formulary.Storage.Postgres;

internal static class PostgresReads
{
    public static async Task<StoredMonograph?> GetAsync(
        NpgsqlDataSource dataSource, Collection collection, string slug, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        await using var command = dataSource.CreateCommand(
            """
            SELECT v.version, v.content_hash, v.imported_at, v.source_path, v.source_text, v.model_json,
                   v.version = d.latest_version AND d.removed_at IS NULL
            FROM documents d JOIN versions v ON v.document_id = d.id
            WHERE d.collection = @collection AND d.slug = @slug
              AND ((@version::integer IS NULL AND v.version = d.latest_version AND d.removed_at IS NULL) OR v.version = @version::integer)
            """);
        command.Parameters.AddWithValue("collection", StoreText.Collection(collection));
        command.Parameters.AddWithValue("slug", slug);
        command.Parameters.AddWithValue("version", (object?)version ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var number = reader.GetInt32(0);
        var metadata = new MonographVersion(number, reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetBoolean(6));
        var monograph = JsonSerializer.Deserialize<Monograph>(reader.GetString(5), ModelJson.Options)
            ?? throw new InvalidOperationException($"stored model of {slug} v{number} is empty");
        return new StoredMonograph(monograph, reader.GetString(4), metadata);
    }

    public static async Task<IReadOnlyList<MonographVersion>> ListVersionsAsync(
        NpgsqlDataSource dataSource, Collection collection, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        await using var command = dataSource.CreateCommand(
            """
            SELECT v.version, v.content_hash, v.imported_at, v.source_path, v.version = d.latest_version AND d.removed_at IS NULL
            FROM documents d JOIN versions v ON v.document_id = d.id
            WHERE d.collection = @collection AND d.slug = @slug
            ORDER BY v.version
            """);
        command.Parameters.AddWithValue("collection", StoreText.Collection(collection));
        command.Parameters.AddWithValue("slug", slug);
        var versions = new List<MonographVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new MonographVersion(
                reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetBoolean(4)));
        }

        return versions;
    }

    public static async Task<IReadOnlyList<MonographSummary>> ListAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT summary_json FROM documents WHERE removed_at IS NULL ORDER BY collection COLLATE \"C\", slug COLLATE \"C\"");
        var summaries = new List<MonographSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            summaries.Add(JsonSerializer.Deserialize<MonographSummary>(reader.GetString(0), ModelJson.Options)!);
        }

        return summaries;
    }
}
