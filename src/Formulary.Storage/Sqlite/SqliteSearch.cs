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
    internal const string HitsSql =
        """
        SELECT d.collection, d.slug, d.title,
               snippet(search, -1, char(2), char(3), '…', 16) AS snippet,
               bm25(search, 10.0, 8.0, 1.0) AS rank,
               CASE WHEN search.rowid IN (SELECT rowid FROM search WHERE search MATCH $names) THEN 0 ELSE 1 END AS tier,
               CASE d.collection WHEN 'compositions' THEN 0 WHEN 'combinations' THEN 1 ELSE 2 END AS collection_rank
        FROM search JOIN documents d ON d.id = search.rowid
        WHERE search MATCH $query
        ORDER BY tier, collection_rank, rank, d.slug
        LIMIT $limit OFFSET $offset
        """;

    private readonly Lock vocabularyLock = new();
    private (long Generation, IReadOnlyCollection<string> Words)? vocabulary;

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
        var total = await CountAsync(connection, match, cancellationToken);
        var hits = new List<SearchHit>();
        if (total > offset)
        {
            using var command = connection.CreateCommand();
            command.CommandText = HitsSql;
            command.Parameters.AddWithValue("$query", match);
            command.Parameters.AddWithValue("$names", $"{{title names}} : ({match})");
            command.Parameters.AddWithValue("$limit", limit);
            command.Parameters.AddWithValue("$offset", offset);
            using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(SearchHit.Read(reader, -reader.GetDouble(4)));
            }
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
    private async Task<IReadOnlyCollection<string>> VocabularyAsync(SqliteConnection connection, CancellationToken cancellationToken)
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

        lock (vocabularyLock)
        {
            vocabulary = (generation, words);
        }

        return words;
    }
}
