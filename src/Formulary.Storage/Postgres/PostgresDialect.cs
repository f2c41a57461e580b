using System.Data.Common;
using System.Text.Json;
using Formulary.Monographs.Model;
using Formulary.Storage.Importing;
using Formulary.Storage.Relational;
using Npgsql;

namespace Formulary.Storage.Postgres;

/// <summary>
/// PostgreSQL's side of the shared store code: imports into one schema are serialized by a
/// transaction-scoped advisory lock on the schema's name; models are plain JSON text (TOAST compresses it).
/// </summary>
internal sealed class PostgresDialect : StoreDialect
{
    public override string BinaryCollation => " COLLATE \"C\"";

    public override string JsonArray(string expressions) => $"json_build_array({expressions})::text";

    public override string JsonArrays(string expressions) => $"json_agg(json_build_array({expressions}))::text";

    public override string JsonValue(string column) => $"{column}::json";

    public override async Task<(DbTransaction Transaction, bool Waited)> BeginImportAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(hashtext(current_schema()))", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        var waited = !(bool)(await command.ExecuteScalarAsync(cancellationToken))!;
        if (waited)
        {
            command.CommandText = "SELECT pg_advisory_xact_lock(hashtext(current_schema()))";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return (transaction, waited);
    }

    public override object PackModel(Monograph monograph) => StoreText.Clean(JsonSerializer.Serialize(monograph, ModelJson.Options));

    public override Monograph UnpackModel(object stored, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<Monograph>((string)stored, options) ?? throw new InvalidOperationException("a stored model is empty");

    public override object PackSections(Versions.StoredSections sections) =>
        StoreText.Clean(JsonSerializer.Serialize(sections, ModelJson.Options));

    public override Versions.StoredSections UnpackSections(object stored) =>
        JsonSerializer.Deserialize((string)stored, ModelJsonContext.Default.StoredSections) ?? throw new InvalidOperationException("stored sections are empty");

    /// <summary>Plain text: TOAST compresses it with the row's model (ADR 0003 has the measurements).</summary>
    public override object PackText(string text) => text;

    public override string UnpackText(object stored) => (string)stored;

    public override object Instant(DateTimeOffset instant) => instant.ToUniversalTime();

    /// <summary>
    /// PostgreSQL has no cheap whole-database check (amcheck is an extension and reads every index);
    /// the server verifies page checksums on every read, so a corrupt page fails the probe's query.
    /// </summary>
    public override Task<string?> IntegrityProblemAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);

    public override Task RefreshSearchAsync(DbConnection connection, DbTransaction transaction, IndexRefresh refresh, CancellationToken cancellationToken) =>
        PostgresSearchIndex.RefreshAsync((NpgsqlConnection)connection, refresh, cancellationToken);
}
