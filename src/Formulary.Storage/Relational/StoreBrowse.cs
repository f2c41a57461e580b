using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Formulary.Monographs;
using Formulary.Storage.Browsing;
using Formulary.Storage.Listing;
using static Formulary.Storage.Relational.StoreReads;

namespace Formulary.Storage.Relational;

/// <summary>
/// The A–Z and recent-changes queries, the same SQL on both stores. Each is a range of an index
/// (<c>documents_browse</c>, partial on live documents; <c>versions_recent</c>), so the cost of a page
/// does not grow with the collection.
/// </summary>
internal static class StoreBrowse
{
    private const string Live = "removed_at IS NULL AND latest_version > 0";

    public static async Task<IReadOnlyList<LetterCount>> CountByLetterAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT collection, browse_letter, count(*) FROM documents WHERE {Live} GROUP BY collection, browse_letter");
        var counts = new List<LetterCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var letter = reader.IsDBNull(1) ? BrowseLetter.Other : reader.GetString(1);
            counts.Add(new LetterCount(StoreText.ParseCollection(reader.GetString(0)), letter, Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }

        return [.. counts.OrderBy(c => c.Collection).ThenBy(c => BrowseLetter.Position(c.Letter))];
    }

    public static async Task<IReadOnlyList<MonographSummary>> BrowseAsync(
        DbConnection connection, StoreDialect dialect, Collection collection, string letter, int offset, int limit, CancellationToken cancellationToken)
    {
        if (!BrowseLetter.IsValid(letter))
        {
            throw new ArgumentOutOfRangeException(nameof(letter), letter, $"a letter is one of a-z or {BrowseLetter.Other}");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, BrowseLimits.MaxLimit);
        await using var command = Command(
            connection,
            $"""
            SELECT summary_json FROM documents
            WHERE collection = @collection AND browse_letter = @letter AND {Live}
            ORDER BY browse_key{dialect.BinaryCollation}, slug{dialect.BinaryCollation}
            LIMIT @limit OFFSET @offset
            """,
            ("collection", StoreText.Collection(collection)), ("letter", letter), ("limit", limit), ("offset", offset));
        var page = new List<MonographSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(JsonSerializer.Deserialize<MonographSummary>(reader.GetString(0), ModelJson.Options)!);
        }

        return page;
    }

    public static async Task<IReadOnlyList<RecentVersion>> ListRecentAsync(DbConnection connection, int limit, bool everyVersion, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, BrowseLimits.MaxRecent);
        await using var command = Command(connection, RecentSql(everyVersion), ("limit", limit));
        var recent = new List<RecentVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            recent.Add(new RecentVersion(
                StoreText.ParseCollection(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), StoreText.ReadInstant(reader.GetValue(4))));
        }

        return recent;
    }

    /// <summary>
    /// The recent-changes statement (every version, or only each document's newest); its plan is tested.
    /// CROSS JOIN fixes SQLite's join order (versions first, read newest first from versions_recent,
    /// stopping at the limit); joined the other way its planner walked every live document through
    /// documents_browse and sorted them (2.5 s at 100,000, BENCHMARKS.md). PostgreSQL plans it freely.
    /// </summary>
    internal static string RecentSql(bool everyVersion) =>
        $"""
        SELECT d.collection, d.slug, d.title, v.version, v.imported_at
        FROM versions v CROSS JOIN documents d
        WHERE d.id = v.document_id AND NOT v.rejected AND d.removed_at IS NULL AND d.latest_version > 0 {(everyVersion ? string.Empty : "AND v.version = d.latest_version")}
        ORDER BY v.imported_at DESC, v.version DESC, v.document_id DESC
        LIMIT @limit
        """;

    /// <summary>The live documents without a sort key (<see cref="BackfillAsync"/>); its plan is tested.</summary>
    internal const string BackfillSql = $"SELECT id, title FROM documents WHERE {Live} AND browse_key IS NULL";

    /// <summary>
    /// Fills the sort key and letter of documents stored before they existed (the schema migration adds
    /// the columns empty; the key is computed here, as the import computes it). Idempotent. Run on every
    /// open, so it looks only at live documents, through <c>documents_browse</c>: a scan of the table read
    /// each row past its body text (about 0.3–1.8 s at 100,000 documents, before every import and every
    /// start). Only live documents are browsed, and a document becomes live only by a published version,
    /// which writes its key.
    /// </summary>
    public static async Task BackfillAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var missing = new List<(long Id, string Title)>();
        await using (var read = Command(connection, BackfillSql))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                missing.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (id, title) in missing)
        {
            var key = BrowseLetter.SortKey(title);
            await using var update = Command(connection, "UPDATE documents SET browse_key = @key, browse_letter = @letter WHERE id = @id", ("key", key), ("letter", BrowseLetter.Of(key)), ("id", id));
            update.Transaction = transaction;
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
