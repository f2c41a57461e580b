using System.Text.Json;
using Formulary.Monographs;
using Formulary.Storage.Importing;
using Formulary.Storage.Listing;
using Formulary.Storage.Search;
using Npgsql;

namespace Formulary.Storage.Postgres;

/// <summary>
/// Writes an <see cref="ImportPlan"/> inside the caller's transaction; an advisory lock serializes
/// concurrent imports into the same schema. Nothing is visible before the commit.
/// </summary>
internal sealed class PostgresImport(NpgsqlConnection connection, DateTimeOffset importedAt)
{
    private readonly IndexRefresh refresh = new();

    public async Task<ImportReport> RunAsync(
        IReadOnlyList<PreparedDocument> documents, bool removeMissing, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext(current_schema()))", cancellationToken);
        Dictionary<(Collection, string), StoredState> stored;
        await using (var load = new NpgsqlCommand(StoredState.Sql, connection))
        {
            stored = await StoredState.LoadAsync(load, cancellationToken);
        }

        var steps = ImportPlan.Create(documents, stored, removeMissing);
        var report = await ImportRun.ExecuteAsync(
            steps,
            documents.Count,
            (step, cancellation) => step.Reparse ? ReparseAsync(step, cancellation) : WriteAsync(step.Write!, step.Result.Version!.Value, step.Previous, cancellation),
            async (gone, cancellation) =>
            {
                await ExecuteAsync("UPDATE documents SET removed_at = @now WHERE id = @id", cancellation, ("now", importedAt), ("id", gone.Id));
                refresh.Add(gone.Id, gone, null);
            },
            progress,
            cancellationToken);
        if (report.ChangedStore)
        {
            await PostgresSearchIndex.RefreshAsync(connection, refresh, cancellationToken);
        }

        return report;
    }

    private async Task WriteAsync(ImportDocument document, int version, StoredState? previous, CancellationToken cancellationToken)
    {
        var monograph = document.Monograph;
        var search = SearchDocument.From(monograph);
        var summary = JsonSerializer.Serialize(MonographSummary.From(monograph, version, importedAt), ModelJson.Options);
        var linkCollection = search.LinkCollection is { } c ? StoreText.Collection(c) : null;
        await using var command = new NpgsqlCommand(
            """
            WITH document AS (
                INSERT INTO documents (collection, slug, latest_version, title, names, body_text, link_collection, link_slug, summary_json)
                VALUES (@collection, @slug, @version, @title, @names, @body, @linkCollection, @linkSlug, @summary)
                ON CONFLICT (collection, slug) DO UPDATE SET latest_version = excluded.latest_version, removed_at = NULL,
                    title = excluded.title, names = excluded.names, body_text = excluded.body_text, link_collection = excluded.link_collection,
                    link_slug = excluded.link_slug, summary_json = excluded.summary_json
                RETURNING id)
            INSERT INTO versions (document_id, version, content_hash, source_path, source_text, model_json, model_version, imported_at)
            SELECT id, @version, @hash, @path, @source, @model, @modelVersion, @now FROM document
            RETURNING document_id
            """,
            connection);
        Add(command, ("collection", StoreText.Collection(monograph.Collection)), ("slug", monograph.Slug), ("version", version),
            ("title", search.Title), ("names", search.Names), ("body", search.Body), ("linkCollection", linkCollection), ("linkSlug", search.LinkSlug),
            ("summary", summary), ("hash", monograph.ContentHash), ("path", monograph.SourcePath), ("source", PostgresText.Clean(document.SourceText)),
            ("model", PostgresText.Clean(JsonSerializer.Serialize(monograph, ModelJson.Options))), ("modelVersion", document.ModelVersion), ("now", importedAt));
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        refresh.Add(id, previous, search);
    }

    /// <summary>Same source, model from another parser version: replaces the latest version's model and search fields in place.</summary>
    private async Task ReparseAsync(ImportStep step, CancellationToken cancellationToken)
    {
        var (document, previous, version) = (step.Write!, step.Previous!, step.Result.Version!.Value);
        var search = SearchDocument.From(document.Monograph);
        var summary = JsonSerializer.Serialize(MonographSummary.From(document.Monograph, version, previous.ImportedAt), ModelJson.Options);
        await ExecuteAsync(
            """
            UPDATE documents SET title = @title, names = @names, body_text = @body,
                link_collection = @linkCollection, link_slug = @linkSlug, summary_json = @summary WHERE id = @id;
            UPDATE versions SET model_json = @model, model_version = @modelVersion WHERE document_id = @id AND version = @version;
            """,
            cancellationToken,
            ("id", previous.Id), ("version", version), ("title", search.Title), ("names", search.Names), ("body", search.Body),
            ("linkCollection", search.LinkCollection is { } c ? StoreText.Collection(c) : null), ("linkSlug", search.LinkSlug),
            ("summary", summary), ("model", JsonSerializer.Serialize(document.Monograph, ModelJson.Options)), ("modelVersion", document.ModelVersion));
        refresh.Add(previous.Id, previous, search);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        Add(command, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(NpgsqlCommand command, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value is string text ? PostgresText.Clean(text) : value ?? DBNull.Value);
        }
    }
}
