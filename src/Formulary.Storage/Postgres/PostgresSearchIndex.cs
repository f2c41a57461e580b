using Formulary.Storage.Importing;
using Npgsql;

namespace Formulary.Storage.Postgres;

/// <summary>
/// Rebuilds the tsvectors of the touched documents (title A, names and linked brand titles B, body D)
/// and the name vocabulary used for "did you mean", inside the import's transaction. A tsvector holds
/// at most 1 MB, so only the first <see cref="MaxIndexedBodyChars"/> characters of a body are indexed.
/// </summary>
internal static class PostgresSearchIndex
{
    public const int MaxIndexedBodyChars = 200_000;

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
                    left(d.body_text, {MaxIndexedBodyChars}) AS body
                FROM documents d JOIN targets t ON t.id = d.id WHERE d.latest_version > 0)
            UPDATE documents d SET
                search_vector = setweight(to_tsvector('formulary_search', x.title), 'A')
                    || setweight(to_tsvector('formulary_search', x.names), 'B')
                    || setweight(to_tsvector('formulary_search', x.body), 'D'),
                names_vector = to_tsvector('formulary_search', x.title || E'\n' || x.names)
            FROM texts x WHERE x.id = d.id;
            DELETE FROM name_terms;
            INSERT INTO name_terms (term)
            SELECT word FROM ts_stat('SELECT names_vector FROM documents WHERE removed_at IS NULL AND names_vector IS NOT NULL');
            """,
            connection);
        command.Parameters.AddWithValue("ids", refresh.DocumentIds.ToArray());
        command.Parameters.AddWithValue("collections", refresh.Targets.Select(t => StoreText.Collection(t.Collection)).ToArray());
        command.Parameters.AddWithValue("slugs", refresh.Targets.Select(t => t.Slug).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
