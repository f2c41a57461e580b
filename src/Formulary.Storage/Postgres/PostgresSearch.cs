using Formulary.Storage.Search;
using Npgsql;

namespace Formulary.Storage.Postgres;

/// <summary>
/// tsvector search with the same ordering as SQLite's: title/name matches first, then collection
/// (composition, combination, brand), then ts_rank (weights A 1.0, B 0.8, D 0.1). "Did you mean"
/// takes candidates from the name vocabulary by pg_trgm similarity and keeps the closest within the
/// same Levenshtein bound as SQLite.
/// </summary>
internal static class PostgresSearch
{
    private const string Headline = "StartSel=\u0002, StopSel=\u0003, MaxWords=24, MinWords=10, ShortWord=2, MaxFragments=1, FragmentDelimiter=\" … \"";

    public static async Task<SearchResults> SearchAsync(NpgsqlDataSource dataSource, string query, int limit, int offset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        SearchLimits.Validate(limit, offset);
        var terms = SearchTerms.Parse(query);
        if (terms.Count == 0)
        {
            return SearchResults.Empty(query, limit, offset);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var tsQuery = SearchTerms.ToTsQuery(terms);
        var total = await CountAsync(connection, tsQuery, cancellationToken);
        var hits = new List<SearchHit>();
        if (total > offset)
        {
            await using var command = new NpgsqlCommand(
                $$"""
                WITH q AS (SELECT to_tsquery('formulary_search', @query) AS query)
                SELECT d.collection, d.slug, d.title,
                       ts_headline('formulary_search', left(d.names || E'\n' || d.body_text, {{PostgresSearchIndex.MaxIndexedBodyChars}}), q.query, @headline),
                       ts_rank('{0.1, 0.2, 0.8, 1.0}', d.search_vector, q.query) AS rank
                FROM documents d, q
                WHERE d.removed_at IS NULL AND d.search_vector @@ q.query
                ORDER BY CASE WHEN d.names_vector @@ q.query THEN 0 ELSE 1 END,
                         CASE d.collection WHEN 'compositions' THEN 0 WHEN 'combinations' THEN 1 ELSE 2 END,
                         rank DESC, d.slug
                LIMIT @limit OFFSET @offset
                """,
                connection);
            command.Parameters.AddWithValue("query", tsQuery);
            command.Parameters.AddWithValue("headline", Headline);
            command.Parameters.AddWithValue("limit", limit);
            command.Parameters.AddWithValue("offset", offset);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(SearchHit.Read(reader, reader.GetFloat(4)));
            }
        }

        var didYouMean = total == 0 ? await SuggestAsync(connection, terms, cancellationToken) : null;
        return new SearchResults(query, total, limit, offset, hits, didYouMean);
    }

    private static async Task<int> CountAsync(NpgsqlConnection connection, string tsQuery, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM documents WHERE removed_at IS NULL AND search_vector @@ to_tsquery('formulary_search', @query)", connection);
        command.Parameters.AddWithValue("query", tsQuery);
        return checked((int)(long)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    private static async Task<string?> SuggestAsync(NpgsqlConnection connection, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var termsWithHits = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (await CountAsync(connection, SearchTerms.ToTsQuery([term]), cancellationToken) > 0)
            {
                termsWithHits.Add(term);
                continue;
            }

            await using var command = new NpgsqlCommand(
                """
                SELECT term FROM name_terms, (SELECT public.unaccent(lower(@term)) AS word) w
                WHERE term OPERATOR(public.%) w.word
                ORDER BY public.similarity(term, w.word) DESC, term LIMIT 5
                """,
                connection);
            command.Parameters.AddWithValue("term", term);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(reader.GetString(0));
            }
        }

        return SpellingSuggester.Suggest(terms, termsWithHits, new NameVocabulary(candidates));
    }
}
