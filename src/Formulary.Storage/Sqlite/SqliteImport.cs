using System.Text.Json;
using Formulary.Monographs;
using Formulary.Storage.Importing;
using Formulary.Storage.Listing;
using Formulary.Storage.Search;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// Writes an <see cref="ImportPlan"/> in one write transaction (BEGIN IMMEDIATE … COMMIT, owned by
/// the caller). Until the commit nothing is visible, and a process killed before it leaves the
/// previous state: SQLite discards the uncommitted WAL frames on the next open.
/// </summary>
internal sealed class SqliteImport(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset importedAt)
{
    private readonly IndexRefresh refresh = new();
    private readonly string now = StoreText.Instant(importedAt);

    public async Task<ImportReport> RunAsync(
        IReadOnlyList<PreparedDocument> documents, bool removeMissing, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        Dictionary<(Collection, string), StoredState> stored;
        using (var load = Command(StoredState.Sql))
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
                await ExecuteAsync("UPDATE documents SET removed_at = $now WHERE id = $id", cancellation, ("$now", now), ("$id", gone.Id));
                refresh.Add(gone.Id, gone, null);
            },
            progress,
            cancellationToken);
        if (report.ChangedStore)
        {
            await SqliteSearchIndex.RefreshAsync(connection, transaction, refresh, cancellationToken);
            await ExecuteAsync("UPDATE store_meta SET value = value + 1 WHERE key = 'generation'", cancellationToken);
        }

        return report;
    }

    private async Task WriteAsync(ImportDocument document, int version, StoredState? previous, CancellationToken cancellationToken)
    {
        var monograph = document.Monograph;
        var search = SearchDocument.From(monograph);
        var summary = JsonSerializer.Serialize(MonographSummary.From(monograph, version, importedAt), ModelJson.Options);
        var id = previous?.Id ?? await InsertDocumentAsync(monograph.Collection, monograph.Slug, cancellationToken);
        await ExecuteAsync(
            """
            UPDATE documents SET latest_version = $version, removed_at = NULL, title = $title, names = $names, body_text = $body,
                link_collection = $linkCollection, link_slug = $linkSlug, summary_json = $summary WHERE id = $id;
            INSERT INTO versions (document_id, version, content_hash, source_path, source_text, model, model_version, imported_at)
            VALUES ($id, $version, $hash, $path, $source, $model, $modelVersion, $now);
            """,
            cancellationToken,
            ("$id", id), ("$version", version), ("$title", search.Title), ("$names", search.Names), ("$body", search.Body),
            ("$linkCollection", search.LinkCollection is { } c ? StoreText.Collection(c) : null), ("$linkSlug", search.LinkSlug),
            ("$summary", summary), ("$hash", monograph.ContentHash), ("$path", monograph.SourcePath), ("$source", document.SourceText),
            ("$model", SqliteModel.Pack(monograph)), ("$modelVersion", document.ModelVersion), ("$now", now));
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
            UPDATE documents SET title = $title, names = $names, body_text = $body,
                link_collection = $linkCollection, link_slug = $linkSlug, summary_json = $summary WHERE id = $id;
            UPDATE versions SET model = $model, model_version = $modelVersion WHERE document_id = $id AND version = $version;
            """,
            cancellationToken,
            ("$id", previous.Id), ("$version", version), ("$title", search.Title), ("$names", search.Names), ("$body", search.Body),
            ("$linkCollection", search.LinkCollection is { } c ? StoreText.Collection(c) : null), ("$linkSlug", search.LinkSlug),
            ("$summary", summary), ("$model", SqliteModel.Pack(document.Monograph)), ("$modelVersion", document.ModelVersion));
        refresh.Add(previous.Id, previous, search);
    }

    private async Task<long> InsertDocumentAsync(Collection collection, string slug, CancellationToken cancellationToken)
    {
        using var command = Command(
            """
            INSERT INTO documents (collection, slug, latest_version, title, names, body_text, summary_json)
            VALUES ($collection, $slug, 0, '', '', '', '{}') RETURNING id
            """,
            ("$collection", StoreText.Collection(collection)), ("$slug", slug));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
