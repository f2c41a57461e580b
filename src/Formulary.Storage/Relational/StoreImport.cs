using System.Data.Common;
using System.Text.Json;
using Formulary.Monographs;
using Formulary.Storage.Browsing;
using Formulary.Storage.Importing;
using Formulary.Storage.Listing;
using Formulary.Storage.Search;

namespace Formulary.Storage.Relational;

/// <summary>
/// Carries out an <see cref="ImportPlan"/>'s steps, one at a time as they are decided, inside the caller's
/// transaction, with the same SQL on both stores. Until the commit nothing is visible, and a process killed
/// before it leaves the previous state. A published version updates the document's searchable fields and summary; a rejected one only
/// moves the document's head (history) and leaves what readers see alone.
/// </summary>
internal sealed class StoreImport(DbConnection connection, DbTransaction transaction, StoreDialect dialect, DateTimeOffset importedAt) : IAsyncDisposable
{
    private readonly IndexRefresh refresh = new();
    private readonly Dictionary<string, DbCommand> commands = new(StringComparer.Ordinal);
    private bool wrote;

    /// <summary>Carries out one step; what it changes in the search index is refreshed by <see cref="FinishAsync"/>.</summary>
    public async Task WriteAsync(ImportStep step, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        switch (step.Kind)
        {
            case ImportStepKind.Publish or ImportStepKind.Reject:
                await WriteVersionAsync(step, cancellationToken);
                break;
            case ImportStepKind.Refresh:
                await RefreshAsync(step, cancellationToken);
                break;
            case ImportStepKind.Remove:
                await ExecuteAsync("UPDATE documents SET removed_at = @now WHERE id = @id", cancellationToken, ("now", dialect.Instant(importedAt)), ("id", step.Previous!.Id));
                refresh.Add(step.Previous.Id, step.Previous, null);
                break;
        }

        wrote |= step.Kind != ImportStepKind.Nothing;
    }

    /// <summary>After the last step: refreshes the search entries of what was written and bumps the generation if anything was.</summary>
    /// <returns>Whether anything was written, and the generation after.</returns>
    public async Task<(bool ChangedStore, long Generation)> FinishAsync(CancellationToken cancellationToken)
    {
        if (refresh.DocumentIds.Count > 0)
        {
            await dialect.RefreshSearchAsync(connection, transaction, refresh, cancellationToken);
        }

        if (wrote)
        {
            await ExecuteAsync("UPDATE store_meta SET value = value + 1 WHERE key = 'generation'", cancellationToken);
        }

        var generation = await ScalarAsync("SELECT value FROM store_meta WHERE key = 'generation'", cancellationToken);
        return (wrote, Convert.ToInt64(generation, System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task WriteVersionAsync(ImportStep step, CancellationToken cancellationToken)
    {
        var (document, previous, version) = (step.Write!, step.Previous, step.Result.Version!.Value);
        var monograph = document.Monograph;
        var id = previous?.Id ?? Convert.ToInt64(await ScalarAsync(
            """
            INSERT INTO documents (collection, slug, latest_version, head_version, title, names, body_text, summary_json)
            VALUES (@collection, @slug, 0, 0, '', '', '', '{}') RETURNING id
            """,
            cancellationToken, ("collection", StoreText.Collection(monograph.Collection)), ("slug", monograph.Slug)), System.Globalization.CultureInfo.InvariantCulture);
        var rejected = step.Kind == ImportStepKind.Reject;
        await ExecuteAsync(
            """
            INSERT INTO versions (document_id, version, content_hash, source_path, source_text, model, model_version, imported_at, rejected, rules_path, rules_text)
            VALUES (@id, @version, @hash, @path, @source, @model, @modelVersion, @now, @rejected, @rulesPath, @rulesText);
            UPDATE documents SET head_version = @version, links_json = @links, cross_key = @crossKey WHERE id = @id;
            """,
            cancellationToken,
            ("id", id), ("version", version), ("hash", document.ContentHash), ("path", monograph.SourcePath), ("source", dialect.PackText(document.SourceText)),
            ("model", dialect.PackModel(monograph)), ("modelVersion", document.ModelVersion), ("now", dialect.Instant(importedAt)), ("rejected", rejected),
            ("rulesPath", document.Rules?.Path), ("rulesText", document.Rules?.Text),
            ("links", JsonSerializer.Serialize(monograph.Links, ModelJson.Options)), ("crossKey", document.CrossKey));
        if (!rejected)
        {
            refresh.Add(id, previous, await PublishAsync(id, document, version, importedAt, "latest_version = @version, removed_at = NULL,", cancellationToken));
        }
    }

    /// <summary>Same source and status: replaces the newest version's model (and, when published, the search fields) in place.</summary>
    private async Task RefreshAsync(ImportStep step, CancellationToken cancellationToken)
    {
        var (document, previous) = (step.Write!, step.Previous!);
        await ExecuteAsync(
            """
            UPDATE versions SET model = @model, model_version = @modelVersion, source_path = @path WHERE document_id = @id AND version = @version;
            UPDATE documents SET links_json = @links, cross_key = @crossKey WHERE id = @id;
            """,
            cancellationToken,
            ("id", previous.Id), ("version", previous.HeadVersion), ("model", dialect.PackModel(document.Monograph)), ("modelVersion", document.ModelVersion), ("path", document.Monograph.SourcePath),
            ("links", JsonSerializer.Serialize(document.Monograph.Links, ModelJson.Options)), ("crossKey", document.CrossKey));
        if (!previous.HeadRejected && previous.PublishedVersion == previous.HeadVersion)
        {
            refresh.Add(previous.Id, previous, await PublishAsync(previous.Id, document, previous.HeadVersion, previous.ImportedAt, string.Empty, cancellationToken));
        }
    }

    /// <returns>The searchable fields written, for the index refresh.</returns>
    private async Task<SearchDocument> PublishAsync(long id, ImportDocument document, int version, DateTimeOffset versionImportedAt, string moreColumns, CancellationToken cancellationToken)
    {
        var search = SearchDocument.From(document.Monograph);
        var summary = MonographSummary.From(document.Monograph, version, versionImportedAt) with { HasRules = document.Rules is not null };
        var browseKey = BrowseLetter.SortKey(search.Title);
        await ExecuteAsync(
            $"""
            UPDATE documents SET {moreColumns} title = @title, names = @names, body_text = @body,
                indications = @indications, sections_json = @sections,
                link_collection = @linkCollection, link_slug = @linkSlug, summary_json = @summary,
                browse_key = @browseKey, browse_letter = @browseLetter WHERE id = @id
            """,
            cancellationToken,
            ("id", id), ("version", version), ("title", search.Title), ("names", search.Names), ("body", search.Body),
            ("indications", search.Indications), ("sections", JsonSerializer.Serialize(search.Segments, ModelJson.Options)),
            ("linkCollection", search.LinkCollection is { } c ? StoreText.Collection(c) : null), ("linkSlug", search.LinkSlug),
            ("summary", JsonSerializer.Serialize(summary, ModelJson.Options)), ("browseKey", browseKey), ("browseLetter", BrowseLetter.Of(browseKey)));
        return search;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await Command(sql, parameters).ExecuteNonQueryAsync(cancellationToken);

    private async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await Command(sql, parameters).ExecuteScalarAsync(cancellationToken);

    /// <summary>
    /// The command for <paramref name="sql"/>, made (and so prepared) once per import and run again with new values: an
    /// import runs the same few statements for every document, and preparing them each time was a large part of writing one.
    /// </summary>
    private DbCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            commands.Add(sql, command);
        }

        foreach (var (name, value) in parameters)
        {
            command.Parameters[name].Value = value is string text ? StoreText.Clean(text) : value ?? DBNull.Value;
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in commands.Values)
        {
            await command.DisposeAsync();
        }

        commands.Clear();
    }
}
