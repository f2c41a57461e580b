using System.Text.Json;
using Formulary.Monographs;
using Formulary.Storage.Importing;
using Formulary.Storage.Search;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// One import = one write transaction (BEGIN IMMEDIATE … COMMIT). Until the commit nothing is visible,
/// and a process killed before it leaves the previous state: SQLite discards the uncommitted WAL frames.
/// </summary>
internal sealed class SqliteImport(SqliteConnection connection, SqliteTransaction transaction, string importedAt)
{
    private readonly HashSet<long> touched = [];
    private readonly HashSet<(string Collection, string Slug)> touchedTargets = [];

    public async Task<ImportReport> RunAsync(
        IReadOnlyList<PreparedDocument> documents, bool removeMissing, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var existing = await SqliteStoredState.LoadAsync(connection, transaction, cancellationToken);
        var results = new List<ImportedDocument>(documents.Count);
        var seen = new HashSet<(string, string)>();
        var done = 0;
        foreach (var prepared in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var monograph = prepared.Document.Monograph;
            var key = (StoreText.Collection(monograph.Collection), monograph.Slug);
            seen.Add(key);
            results.Add(prepared.FailureReason is null
                ? await WriteAsync(prepared.Document, existing.GetValueOrDefault(key), cancellationToken)
                : new ImportedDocument(monograph.Collection, monograph.Slug, monograph.SourcePath, ImportOutcome.Failed, null, prepared.FailureReason, monograph.Diagnostics));
            progress?.Report(new ImportProgress(++done, documents.Count, monograph.SourcePath));
        }

        if (removeMissing)
        {
            foreach (var (key, row) in existing.Where(e => e.Value.RemovedAt is null && !seen.Contains(e.Key)).OrderBy(e => e.Key))
            {
                await ExecuteAsync("UPDATE documents SET removed_at = $now WHERE id = $id", cancellationToken, ("$now", importedAt), ("$id", row.Id));
                Touch(row.Id, row.LinkCollection, row.LinkSlug);
                results.Add(new ImportedDocument(StoreText.ParseCollection(key.Collection), key.Slug, row.SourcePath, ImportOutcome.Removed, row.LatestVersion, null, []));
            }
        }

        var report = new ImportReport(results);
        if (report.ChangedStore)
        {
            await SqliteSearchIndex.RefreshAsync(connection, transaction, touched, touchedTargets, cancellationToken);
            await ExecuteAsync("UPDATE store_meta SET value = value + 1 WHERE key = 'generation'", cancellationToken);
        }

        return report;
    }

    private async Task<ImportedDocument> WriteAsync(ImportDocument document, StoredRow? row, CancellationToken cancellationToken)
    {
        var monograph = document.Monograph;
        if (row is not null && row.RemovedAt is null && row.ContentHash == monograph.ContentHash)
        {
            return new ImportedDocument(monograph.Collection, monograph.Slug, monograph.SourcePath, ImportOutcome.Unchanged, row.LatestVersion, null, monograph.Diagnostics);
        }

        var version = (row?.LatestVersion ?? 0) + 1;
        var search = SearchDocument.From(monograph);
        var summary = JsonSerializer.Serialize(SummaryOf.Create(monograph, version, StoreText.ParseInstant(importedAt)), ModelJson.Options);
        var linkCollection = search.LinkCollection is { } c ? StoreText.Collection(c) : null;
        var id = row?.Id ?? await InsertDocumentAsync(monograph.Collection, monograph.Slug, cancellationToken);
        await ExecuteAsync(
            """
            UPDATE documents SET latest_version = $version, removed_at = NULL, title = $title, names = $names, body_text = $body,
                link_collection = $linkCollection, link_slug = $linkSlug, summary_json = $summary WHERE id = $id;
            INSERT INTO versions (document_id, version, content_hash, source_path, source_text, model_json, imported_at)
            VALUES ($id, $version, $hash, $path, $source, $model, $now);
            """,
            cancellationToken,
            ("$id", id), ("$version", version), ("$title", search.Title), ("$names", search.Names), ("$body", search.Body),
            ("$linkCollection", linkCollection), ("$linkSlug", search.LinkSlug), ("$summary", summary),
            ("$hash", monograph.ContentHash), ("$path", monograph.SourcePath), ("$source", document.SourceText),
            ("$model", JsonSerializer.Serialize(monograph, ModelJson.Options)), ("$now", importedAt));
        Touch(id, row?.LinkCollection, row?.LinkSlug);
        if (linkCollection is not null && search.LinkSlug is not null)
        {
            touchedTargets.Add((linkCollection, search.LinkSlug));
        }

        var outcome = row is null || row.RemovedAt is not null ? ImportOutcome.Added : ImportOutcome.Changed;
        return new ImportedDocument(monograph.Collection, monograph.Slug, monograph.SourcePath, outcome, version, null, monograph.Diagnostics);
    }

    private void Touch(long id, string? linkCollection, string? linkSlug)
    {
        touched.Add(id);
        if (linkCollection is not null && linkSlug is not null)
        {
            touchedTargets.Add((linkCollection, linkSlug));
        }
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
