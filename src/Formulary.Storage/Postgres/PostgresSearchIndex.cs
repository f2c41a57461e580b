using Formulary.Storage.Importing;
using Formulary.Storage.Relational;
using Formulary.Storage.Search;
using Npgsql;

namespace Formulary.Storage.Postgres;

/// <summary>
/// Rebuilds the tsvectors of the touched documents (title A, names and linked brand titles B, indications C, body D)
/// and the names table (with the name words of "did you mean", <see cref="StoreNameTerms"/>), inside the import's transaction. A tsvector holds
/// at most 1 MB, so only the first <see cref="MaxIndexedBodyChars"/> characters of a body are indexed.
/// </summary>
internal static class PostgresSearchIndex
{
    public const int MaxIndexedBodyChars = 200_000;

    /// <summary>The indications field repeats part of the body; bounded so both fit one tsvector.</summary>
    public const int MaxIndexedIndicationChars = 50_000;

    public static async Task RefreshAsync(NpgsqlConnection connection, IndexRefresh refresh, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            WITH targets AS (
                SELECT id FROM documents WHERE id = ANY(@ids)
                UNION
                SELECT d.id FROM documents d JOIN unnest(@collections, @slugs) AS t(collection, slug)
                    ON d.collection = t.collection AND d.slug = t.slug),
            texts AS (
                SELECT d.id, d.title, d.names || E'\n' || coalesce((SELECT string_agg(b.title, E'\n' ORDER BY b.slug) FROM documents b
                    WHERE b.link_collection = d.collection AND b.link_slug = d.slug AND b.removed_at IS NULL), '') AS names,
                    left(d.indications, {MaxIndexedIndicationChars}) AS indications, left(d.body_text, {MaxIndexedBodyChars}) AS body
                FROM documents d JOIN targets t ON t.id = d.id WHERE d.latest_version > 0)
            UPDATE documents d SET
                search_vector = setweight(to_tsvector('formulary_search', x.title), 'A')
                    || setweight(to_tsvector('formulary_search', x.names), 'B')
                    || setweight(to_tsvector('formulary_search', x.indications), 'C')
                    || setweight(to_tsvector('formulary_search', x.body), 'D'),
                names_vector = to_tsvector('formulary_search', x.title || E'\n' || x.names)
            FROM texts x WHERE x.id = d.id;
            """,
            connection);
        command.Parameters.AddWithValue("ids", refresh.DocumentIds.ToArray());
        command.Parameters.AddWithValue("collections", refresh.Targets.Select(t => StoreText.Collection(t.Collection)).ToArray());
        command.Parameters.AddWithValue("slugs", refresh.Targets.Select(t => t.Slug).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);

        await using var targets = new NpgsqlCommand(
            """
            SELECT id FROM documents WHERE id = ANY(@ids)
            UNION
            SELECT d.id FROM documents d JOIN unnest(@collections, @slugs) AS t(collection, slug) ON d.collection = t.collection AND d.slug = t.slug
            """,
            connection);
        targets.Parameters.AddWithValue("ids", refresh.DocumentIds.ToArray());
        targets.Parameters.AddWithValue("collections", refresh.Targets.Select(t => StoreText.Collection(t.Collection)).ToArray());
        targets.Parameters.AddWithValue("slugs", refresh.Targets.Select(t => t.Slug).ToArray());
        var ids = new List<long>();
        await using (var reader = await targets.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        await using (var changed = new NpgsqlCommand(
            "UPDATE documents SET changed_generation = (SELECT value FROM store_meta WHERE key = 'generation') + 1 WHERE id = ANY(@ids)", connection))
        {
            changed.Parameters.AddWithValue("ids", ids.ToArray());
            await changed.ExecuteNonQueryAsync(cancellationToken);
        }

        await RefreshNamesAsync(connection, [.. ids], cancellationToken);
    }

    /// <summary>A database from before schema 4 has no names yet: index every live document's names once, on open.</summary>
    public static async Task BackfillNamesAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var check = new NpgsqlCommand(
            """
            SELECT pg_advisory_xact_lock(7261535);
            SELECT CASE WHEN EXISTS (SELECT 1 FROM search_names) THEN ARRAY[]::bigint[]
                        ELSE ARRAY(SELECT id FROM documents WHERE removed_at IS NULL AND latest_version > 0) END
            """,
            connection);
        long[] ids;
        await using (var reader = await check.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            ids = reader.GetFieldValue<long[]>(0);
        }

        if (ids.Length > 0)
        {
            await RefreshNamesAsync(connection, ids, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Replaces the search_names rows of these documents (see <see cref="SearchName.For"/>).</summary>
    private static async Task RefreshNamesAsync(NpgsqlConnection connection, long[] ids, CancellationToken cancellationToken)
    {
        var rows = new List<SearchName>();
        var before = new List<(long, string)>();
        await using (var old = new NpgsqlCommand("SELECT id, folded FROM search_names WHERE id = ANY(@ids)", connection))
        {
            old.Parameters.AddWithValue("ids", ids);
            await using var reader = await old.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                before.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        await using (var read = new NpgsqlCommand(
            """
            SELECT d.id, d.title, d.names, ARRAY(SELECT b.title FROM documents b
                WHERE b.link_collection = d.collection AND b.link_slug = d.slug AND b.removed_at IS NULL AND b.latest_version > 0 ORDER BY b.slug)
            FROM documents d WHERE d.id = ANY(@ids) AND d.removed_at IS NULL AND d.latest_version > 0
            """,
            connection))
        {
            read.Parameters.AddWithValue("ids", ids);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.AddRange(SearchName.For(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<string[]>(3)));
            }
        }

        await using var write = new NpgsqlCommand(
            """
            DELETE FROM search_names WHERE id = ANY(@ids);
            INSERT INTO search_names (folded, key, name, kind, id)
            SELECT * FROM unnest(@folded, @key, @name, @kind, @id);
            """,
            connection);
        write.Parameters.AddWithValue("ids", ids);
        write.Parameters.AddWithValue("folded", rows.Select(r => r.Folded).ToArray());
        write.Parameters.AddWithValue("key", rows.Select(r => r.Key).ToArray());
        write.Parameters.AddWithValue("name", rows.Select(r => r.Name).ToArray());
        write.Parameters.AddWithValue("kind", rows.Select(r => (int)r.Kind).ToArray());
        write.Parameters.AddWithValue("id", rows.Select(r => r.DocumentId).ToArray());
        await write.ExecuteNonQueryAsync(cancellationToken);
        await StoreNameTerms.ApplyAsync(connection, null, StoreNameTerms.Change(before, rows.Select(r => (r.DocumentId, r.Folded))), cancellationToken);
    }
}
