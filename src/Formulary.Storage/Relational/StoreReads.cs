using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Formulary.Monographs;
using Formulary.Monographs.Loading;
using Formulary.Storage.Listing;
using Formulary.Storage.Versions;

namespace Formulary.Storage.Relational;

/// <summary>The read queries, the same SQL on both stores.</summary>
internal static class StoreReads
{
    /// <summary>A given version, or (when <paramref name="version"/> is null) the latest published version of a live document.</summary>
    public static async Task<StoredMonograph?> GetAsync(
        DbConnection connection, StoreDialect dialect, Collection collection, string slug, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        await using var command = Command(
            connection,
            """
            SELECT v.version, v.content_hash, v.imported_at, v.source_path, v.source_text, v.model,
                   v.version = d.latest_version AND d.removed_at IS NULL AND NOT v.rejected, v.rejected, v.rules_path, v.rules_text
            FROM documents d JOIN versions v ON v.document_id = d.id
            WHERE d.collection = @collection AND d.slug = @slug
              AND ((CAST(@version AS integer) IS NULL AND v.version = d.latest_version AND d.removed_at IS NULL) OR v.version = CAST(@version AS integer))
            """,
            ("collection", StoreText.Collection(collection)), ("slug", slug), ("version", version));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var metadata = new MonographVersion(reader.GetInt32(0), reader.GetString(1), StoreText.ReadInstant(reader.GetValue(2)), reader.GetString(3), reader.GetBoolean(6))
        {
            IsRejected = reader.GetBoolean(7),
        };
        return new StoredMonograph(dialect.UnpackModel(reader.GetValue(5)), dialect.UnpackText(reader.GetValue(4)), metadata)
        {
            Rules = reader.IsDBNull(8) ? null : new RulesSource(reader.GetString(8), reader.GetString(9)),
        };
    }

    /// <summary>The version <see cref="GetAsync"/> reads without a version number, for every live document, with its rendered sections.</summary>
    public static async IAsyncEnumerable<LiveMonographRow> ReadLiveAsync(
        DbConnection connection, StoreDialect dialect, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            """
            SELECT v.model, v.sections_html
            FROM documents d JOIN versions v ON v.document_id = d.id AND v.version = d.latest_version
            WHERE d.removed_at IS NULL AND d.latest_version > 0
            ORDER BY d.id
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new LiveMonographRow(dialect, reader.GetValue(0), reader.IsDBNull(1) ? null : reader.GetValue(1));
        }
    }

    public static async Task<IReadOnlyList<MonographVersion>> ListVersionsAsync(
        DbConnection connection, Collection collection, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        await using var command = Command(
            connection,
            """
            SELECT v.version, v.content_hash, v.imported_at, v.source_path, v.version = d.latest_version AND d.removed_at IS NULL AND NOT v.rejected, v.rejected
            FROM documents d JOIN versions v ON v.document_id = d.id
            WHERE d.collection = @collection AND d.slug = @slug
            ORDER BY v.version
            """,
            ("collection", StoreText.Collection(collection)), ("slug", slug));
        var versions = new List<MonographVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new MonographVersion(
                reader.GetInt32(0), reader.GetString(1), StoreText.ReadInstant(reader.GetValue(2)), reader.GetString(3), reader.GetBoolean(4))
            {
                IsRejected = reader.GetBoolean(5),
            });
        }

        return versions;
    }

    public static async Task<IReadOnlyList<MonographSummary>> ListAsync(DbConnection connection, StoreDialect dialect, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            $"SELECT summary_json FROM documents WHERE removed_at IS NULL AND latest_version > 0 ORDER BY collection{dialect.BinaryCollation}, slug{dialect.BinaryCollation}");
        var summaries = new List<MonographSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            summaries.Add(JsonSerializer.Deserialize<MonographSummary>(reader.GetString(0), ModelJson.Options)!);
        }

        return summaries;
    }

    public static async Task<bool> AnyLiveAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT 1 FROM documents WHERE removed_at IS NULL AND latest_version > 0 LIMIT 1");
        return await command.ExecuteScalarAsync(cancellationToken) is not null and not DBNull;
    }

    public static async Task<long> GenerationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT value FROM store_meta WHERE key = 'generation'");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The digest of the listing the last import through a content listing recorded (<see cref="Importing.ImportOptions.ListingDigest"/>); null: none.</summary>
    public static async Task<long?> ListingDigestAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT value FROM store_meta WHERE key = 'listing'");
        command.Transaction = transaction;
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
    }

    internal static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
