using Formulary.Storage.Search;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// FTS5 search. Ranking is robust to tiny corpora (where bm25's IDF collapses): documents whose title or names match come
/// first, then by collection (composition, combination, brand), then bm25 with column weights
/// title 10, names 8, body 1.
/// </summary>
internal sealed class SqliteSearch
{
    /// <summary>
    /// Ranks every match on cheap columns first and computes snippets for the requested page only
    /// (snippet() is the expensive part); the total comes from a window count in the same pass.
    /// Ranking reads collection and slug through the covering index <c>documents_rank</c>: the
    /// documents rows hold the whole body text, and visiting 5,000 of them cost more than bm25 itself.
    /// </summary>
    internal const string HitsSql =
        """
        WITH name_matches AS MATERIALIZED (SELECT rowid AS id FROM search WHERE search MATCH $names),
        ranked AS MATERIALIZED (
            SELECT search.rowid AS id, bm25(search, 10.0, 8.0, 1.0) AS rank
            FROM search WHERE search MATCH $query),
        page AS MATERIALIZED (
            SELECT r.id, r.rank, count(*) OVER () AS total, d.collection, d.slug,
                   CASE WHEN r.id IN (SELECT id FROM name_matches) THEN 0 ELSE 1 END AS tier,
                   CASE d.collection WHEN 'compositions' THEN 0 WHEN 'combinations' THEN 1 ELSE 2 END AS collection_rank
            FROM ranked r JOIN documents d INDEXED BY documents_rank ON d.id = r.id
            ORDER BY tier, collection_rank, r.rank, d.slug
            LIMIT $limit OFFSET $offset)
        SELECT p.collection, p.slug, t.title, snippet(search, -1, char(2), char(3), '…', 16), p.rank, p.total
        FROM page p CROSS JOIN search ON search.rowid = p.id JOIN documents t ON t.id = p.id
        WHERE search MATCH $query
        ORDER BY p.tier, p.collection_rank, p.rank, p.slug
        """;

    private readonly Lock vocabularyLock = new();
    private (long Generation, NameVocabulary Words)? vocabulary;

    public async Task<SearchResults> SearchAsync(SqliteConnection connection, string query, int limit, int offset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        SearchLimits.Validate(limit, offset);
        var terms = SearchTerms.Parse(query);
        if (terms.Count == 0)
        {
            return SearchResults.Empty(query, limit, offset);
        }

        var match = SearchTerms.ToFts5(terms);
        var hits = new List<SearchHit>();
        var total = -1;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = HitsSql;
            command.Parameters.AddWithValue("$query", match);
            command.Parameters.AddWithValue("$names", $"{{title names}} : ({match})");
            command.Parameters.AddWithValue("$limit", limit);
            command.Parameters.AddWithValue("$offset", offset);
            using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(SearchHit.Read(reader, -reader.GetDouble(4)));
                total = reader.GetInt32(5);
            }
        }

        if (total < 0)
        {
            // An empty page says nothing about the total (offset past the end, or no match at all).
            total = await CountAsync(connection, match, cancellationToken);
        }

        string? didYouMean = null;
        if (total == 0)
        {
            var termsWithHits = new HashSet<string>(StringComparer.Ordinal);
            foreach (var term in terms)
            {
                if (await CountAsync(connection, SearchTerms.ToFts5([term]), cancellationToken) > 0)
                {
                    termsWithHits.Add(term);
                }
            }

            didYouMean = SpellingSuggester.Suggest(terms, termsWithHits, await VocabularyAsync(connection, cancellationToken));
        }

        return new SearchResults(query, total, limit, offset, hits, didYouMean);
    }

    private static async Task<int> CountAsync(SqliteConnection connection, string match, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM search WHERE search MATCH $query";
        command.Parameters.AddWithValue("$query", match);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The words of titles and names (FTS5's own vocabulary, already case- and accent-folded), cached per import generation.</summary>
    private async Task<NameVocabulary> VocabularyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM store_meta WHERE key = 'generation'";
        var generation = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        lock (vocabularyLock)
        {
            if (vocabulary is { } cached && cached.Generation == generation)
            {
                return cached.Words;
            }
        }

        command.CommandText = "SELECT DISTINCT term FROM search_vocabulary WHERE col IN ('title', 'names')";
        var words = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                words.Add(reader.GetString(0));
            }
        }

        var built = new NameVocabulary(words);
        lock (vocabularyLock)
        {
            vocabulary = (generation, built);
        }

        return built;
    }
}
