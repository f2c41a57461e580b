using System.Data.Common;
using System.Text.Json;
using Formulary.Monographs;
using Formulary.Monographs.Loading;
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
    /// <summary>The same few statements for every document: each prepared once per import.</summary>
    private readonly PreparedCommands commands = new(connection, transaction);
    private bool wrote;

    /// <summary>
    /// Carries out one step with its <paramref name="encoded"/> values (<see cref="EncodedStep.Of"/>, computed before, on any
    /// thread); what it changes in the search index is refreshed by <see cref="FinishAsync"/>.
    /// </summary>
    public async Task WriteAsync(ImportStep step, EncodedStep? encoded, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!wrote && step.Kind != ImportStepKind.Nothing)
        {
            await dialect.BeforeWritesAsync(connection, transaction, cancellationToken);
        }

        switch (step.Kind)
        {
            case ImportStepKind.Publish or ImportStepKind.Reject:
                await WriteVersionAsync(step, encoded!, cancellationToken);
                break;
            case ImportStepKind.Refresh:
                await RefreshAsync(step, encoded!, cancellationToken);
                break;
            case ImportStepKind.Remove:
                await commands.ExecuteAsync("UPDATE documents SET removed_at = @now WHERE id = @id", cancellationToken, ("now", dialect.Instant(importedAt)), ("id", step.Previous!.Id));
                refresh.Add(step.Previous.Id, step.Previous, null);
                break;
        }

        wrote |= step.Kind != ImportStepKind.Nothing;
    }

    /// <summary>
    /// Records the stamp of a document's files when bytes with <paramref name="contentHash"/> were read from them, and
    /// <paramref name="checkedAt"/>, a time taken before (<see cref="RecordedStamp"/>); nothing when the document does not
    /// exist (a row with no document would take SQLite's next row id: a NULL id is not refused there). The casts type
    /// the parameters for PostgreSQL, which cannot infer them in a select list (a null rules stamp). Not a change of
    /// content: the generation does not move for it.
    /// </summary>
    public async Task RecordStampAsync(Collection collection, string slug, string contentHash, SourceStamp stamp, DateTimeOffset checkedAt, CancellationToken cancellationToken)
    {
        var (markdown, rules) = (stamp.Markdown, stamp.Rules);
        await commands.ExecuteAsync(
            """
            INSERT INTO source_stamps (document_id, content_hash, size, modified_ns, changed_ns, inode, rules_size, rules_modified_ns, rules_changed_ns, rules_inode, checked_at_ns)
            SELECT id, @hash, CAST(@size AS bigint), CAST(@modified AS bigint), CAST(@changed AS bigint), CAST(@inode AS bigint),
                CAST(@rulesSize AS bigint), CAST(@rulesModified AS bigint), CAST(@rulesChanged AS bigint), CAST(@rulesInode AS bigint),
                CAST(@checkedAt AS bigint)
            FROM documents WHERE collection = @collection AND slug = @slug
            ON CONFLICT (document_id) DO UPDATE SET content_hash = excluded.content_hash, size = excluded.size, modified_ns = excluded.modified_ns,
                changed_ns = excluded.changed_ns, inode = excluded.inode, rules_size = excluded.rules_size, rules_modified_ns = excluded.rules_modified_ns,
                rules_changed_ns = excluded.rules_changed_ns, rules_inode = excluded.rules_inode, checked_at_ns = excluded.checked_at_ns
            """,
            cancellationToken,
            ("collection", StoreText.Collection(collection)), ("slug", slug),
            ("hash", contentHash), ("size", markdown.Size), ("modified", markdown.ModifiedNs), ("changed", markdown.ChangedNs), ("inode", markdown.Inode),
            ("rulesSize", rules?.Size), ("rulesModified", rules?.ModifiedNs), ("rulesChanged", rules?.ChangedNs), ("rulesInode", rules?.Inode),
            ("checkedAt", RecordedStamp.UnixNanoseconds(checkedAt)));
    }

    /// <summary>Whether anything was written so far (a stamp is not a change).</summary>
    public bool Wrote => wrote;

    /// <summary>Records the digest of the listing imported (<see cref="ImportOptions.ListingDigest"/>), or forgets the one recorded (null).</summary>
    public async Task RecordListingAsync(long? digest, CancellationToken cancellationToken) =>
        await (digest is { } value
            ? commands.ExecuteAsync(
                "INSERT INTO store_meta (key, value) VALUES ('listing', @digest) ON CONFLICT (key) DO UPDATE SET value = excluded.value", cancellationToken, ("digest", value))
            : commands.ExecuteAsync("DELETE FROM store_meta WHERE key = 'listing'", cancellationToken));

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
            await commands.ExecuteAsync("UPDATE store_meta SET value = value + 1 WHERE key = 'generation'", cancellationToken);
        }

        var generation = await commands.ScalarAsync("SELECT value FROM store_meta WHERE key = 'generation'", cancellationToken);
        return (wrote, Convert.ToInt64(generation, System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task WriteVersionAsync(ImportStep step, EncodedStep encoded, CancellationToken cancellationToken)
    {
        var (document, previous, version) = (step.Write!, step.Previous, step.Result.Version!.Value);
        var monograph = document.Monograph;
        var id = previous?.Id ?? Convert.ToInt64(await commands.ScalarAsync(
            """
            INSERT INTO documents (collection, slug, latest_version, head_version, title, names, body_text, summary_json)
            VALUES (@collection, @slug, 0, 0, '', '', '', '{}') RETURNING id
            """,
            cancellationToken, ("collection", StoreText.Collection(monograph.Collection)), ("slug", monograph.Slug)), System.Globalization.CultureInfo.InvariantCulture);
        await commands.ExecuteAsync(
            """
            INSERT INTO versions (document_id, version, content_hash, source_path, source_text, model, model_version, imported_at, rejected, rules_path, rules_text, sections_html)
            VALUES (@id, @version, @hash, @path, @source, @model, @modelVersion, @now, @rejected, @rulesPath, @rulesText, @sectionsHtml);
            UPDATE documents SET head_version = @version, links_json = @links, cross_key = @crossKey WHERE id = @id;
            """,
            cancellationToken,
            ("id", id), ("version", version), ("hash", document.ContentHash), ("path", monograph.SourcePath), ("source", encoded.Source),
            ("model", encoded.Model), ("modelVersion", document.ModelVersion), ("now", dialect.Instant(importedAt)), ("rejected", step.Kind == ImportStepKind.Reject),
            ("rulesPath", document.Rules?.Path), ("rulesText", document.Rules?.Text), ("links", encoded.Links), ("crossKey", document.CrossKey),
            ("sectionsHtml", encoded.Publication?.RenderedSections));
        if (encoded.Publication is { } publication)
        {
            await PublishAsync(id, version, publication, "latest_version = @version, removed_at = NULL,", cancellationToken);
            refresh.Add(id, previous, publication.Search);
        }
    }

    /// <summary>Same source and status: replaces the newest version's model (and, when published, the search fields) in place.</summary>
    private async Task RefreshAsync(ImportStep step, EncodedStep encoded, CancellationToken cancellationToken)
    {
        var (document, previous) = (step.Write!, step.Previous!);
        await commands.ExecuteAsync(
            """
            UPDATE versions SET model = @model, model_version = @modelVersion, source_path = @path, sections_html = @sectionsHtml WHERE document_id = @id AND version = @version;
            UPDATE documents SET links_json = @links, cross_key = @crossKey WHERE id = @id;
            """,
            cancellationToken,
            ("id", previous.Id), ("version", previous.HeadVersion), ("model", encoded.Model), ("modelVersion", document.ModelVersion), ("path", document.Monograph.SourcePath),
            ("links", encoded.Links), ("crossKey", document.CrossKey), ("sectionsHtml", encoded.Publication?.RenderedSections));
        if (encoded.Publication is { } publication)
        {
            await PublishAsync(previous.Id, previous.HeadVersion, publication, string.Empty, cancellationToken);
            refresh.Add(previous.Id, previous, publication.Search);
        }
    }

    private async Task PublishAsync(long id, int version, EncodedPublication publication, string moreColumns, CancellationToken cancellationToken)
    {
        var search = publication.Search;
        await commands.ExecuteAsync(
            $"""
            UPDATE documents SET {moreColumns} title = @title, names = @names, body_text = @body,
                indications = @indications, sections_json = @sections,
                link_collection = @linkCollection, link_slug = @linkSlug, summary_json = @summary,
                browse_key = @browseKey, browse_letter = @browseLetter WHERE id = @id
            """,
            cancellationToken,
            ("id", id), ("version", version), ("title", search.Title), ("names", search.Names), ("body", search.Body),
            ("indications", search.Indications), ("sections", publication.Sections),
            ("linkCollection", search.LinkCollection is { } c ? StoreText.Collection(c) : null), ("linkSlug", search.LinkSlug),
            ("summary", publication.Summary), ("browseKey", publication.BrowseKey), ("browseLetter", publication.BrowseLetter));
    }

    public ValueTask DisposeAsync() => commands.DisposeAsync();
}
