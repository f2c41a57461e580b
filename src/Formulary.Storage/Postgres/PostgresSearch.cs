using Formulary.Monographs;
using Formulary.Storage.Indexing;
using Formulary.Storage.Relational;
using Formulary.Storage.Search;
using Npgsql;

namespace Formulary.Storage.Postgres;

/// <summary>
/// tsvector search with the same ordering as SQLite's: exact names, title/name matches, then documents
/// indicated for the words (every word in a field of weight A, B or C), then collection (composition,
/// combination, brand), then ts_rank (weights A title 1.0, B names 0.8, C indications 0.4, D body 0.1);
/// sections and snippets for the page by <see cref="SearchSnippet"/>, as in SQLite. "Did you mean"
/// is SQLite's too: the closest word of the name vocabulary (<see cref="NameVocabularyCache"/>). Each statement runs under <c>statement_timeout</c> set to what is
/// left of the search's time budget, and starts, as SQLite's do, only while <see cref="SearchLimits.StartReserve"/> of it is left;
/// the page's snippets are built only while the budget lasts.
/// </summary>
internal static class PostgresSearch
{
    private const string QueryCanceled = "57014";

    private const string HitsSql =
        """
        WITH q AS (SELECT to_tsquery('formulary_search', @query) AS query, to_tsquery('formulary_search', @indicated) AS indicated),
        page AS (
            SELECT d.id, d.collection, d.slug,
                   ts_rank('{0.1, 0.4, 0.8, 1.0}', d.search_vector, q.query) AS rank,
                   CASE WHEN d.id IN (SELECT id FROM search_names WHERE key = @key) THEN 0
                        WHEN d.names_vector @@ q.query THEN 1
                        WHEN d.search_vector @@ q.indicated THEN 2 ELSE 3 END AS tier,
                   CASE d.collection WHEN 'compositions' THEN 0 WHEN 'combinations' THEN 1 ELSE 2 END AS collection_rank,
                   (@collection::text IS NULL OR d.collection = @collection::text) AS wanted,
                   count(*) FILTER (WHERE d.collection = 'compositions') OVER () AS compositions,
                   count(*) FILTER (WHERE d.collection = 'combinations') OVER () AS combinations,
                   count(*) FILTER (WHERE d.collection = 'medicines') OVER () AS medicines
            FROM documents d, q
            WHERE d.removed_at IS NULL AND d.search_vector @@ q.query
            ORDER BY wanted DESC, tier, collection_rank, rank DESC, d.slug
            LIMIT @limit OFFSET @offset)
        SELECT p.collection, p.slug, d.title, d.names, d.body_text, d.sections_json,
               p.rank, p.wanted, p.compositions, p.combinations, p.medicines
        FROM page p JOIN documents d ON d.id = p.id
        ORDER BY p.wanted DESC, p.tier, p.collection_rank, p.rank DESC, p.slug
        """;

    public static async Task<SearchResults> SearchAsync(
        NpgsqlDataSource dataSource, NameVocabularyCache vocabulary, SearchIndex? index, SearchRequest request, SearchDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        using var indexed = await IndexedSearch.LeaseAsync(index, connection, cancellationToken);
        return await SearchFlow.RunAsync(
            request,
            (terms, page, token) => Budgeted(
                connection, deadline, () => IndexedSearch.PageAsync(indexed, connection, terms, page, deadline, () => PageAsync(connection, terms, page, deadline, token), token), token),
            async (terms, token) => SpellingSuggester.Suggest(
                terms,
                await Budgeted(
                    connection, deadline, () => IndexedSearch.TermsWithHitsAsync(indexed, terms, deadline, () => TermsWithHitsAsync(connection, terms, deadline, token)), token),
                await Budgeted(connection, deadline, () => vocabulary.GetAsync(connection, deadline, token), token)),
            cancellationToken);
    }

    /// <summary>
    /// Runs one step with statement_timeout set to the budget left (SET LOCAL: it ends with the transaction);
    /// too late to start one (<see cref="SearchLimits.StartReserve"/>) is a time-out.
    /// </summary>
    internal static async Task<T> Budgeted<T>(NpgsqlConnection connection, SearchDeadline deadline, Func<Task<T>> step, CancellationToken cancellationToken)
    {
        deadline.ThrowIfTooLateToStart();
        var left = (int)Math.Ceiling(deadline.Remaining.TotalMilliseconds);

        await using (var timeout = new NpgsqlCommand($"SET LOCAL statement_timeout = {left}", connection))
        {
            await timeout.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            return await step();
        }
        catch (PostgresException canceled) when (canceled.SqlState == QueryCanceled && !cancellationToken.IsCancellationRequested)
        {
            throw new SearchTimedOutException(canceled);
        }
    }

    private static async Task<SearchPage> PageAsync(
        NpgsqlConnection connection, IReadOnlyList<string> terms, SearchRequest request, SearchDeadline deadline, CancellationToken cancellationToken)
    {
        var tsQuery = SearchTerms.ToTsQuery(terms);
        var matcher = new TermMatcher(terms);
        var hits = new List<SearchHit>();
        IReadOnlyList<CollectionCount>? counts = null;
        await using (var command = new NpgsqlCommand(HitsSql, connection))
        {
            command.Parameters.AddWithValue("query", tsQuery);
            command.Parameters.AddWithValue("indicated", SearchTerms.ToTsQuery(terms, "ABC"));
            command.Parameters.Add(new NpgsqlParameter<string?>("key", NameKey.Key(string.Join(' ', terms)) is { Length: > 0 } key ? key : null));
            command.Parameters.Add(new NpgsqlParameter<string?>("collection", request.Collection is { } wanted ? StoreText.Collection(wanted) : null));
            command.Parameters.AddWithValue("limit", request.Limit);
            command.Parameters.AddWithValue("offset", request.Offset);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts ??= [
                    new(Collection.Composition, checked((int)reader.GetInt64(8))),
                    new(Collection.Combination, checked((int)reader.GetInt64(9))),
                    new(Collection.Medicine, checked((int)reader.GetInt64(10)))];
                if (reader.GetBoolean(7))
                {
                    hits.Add(SearchHit.Read(reader, matcher, reader.GetFloat(6), deadline));
                }
            }
        }

        if (counts is null)
        {
            deadline.ThrowIfTooLateToStart();
            counts = await CountAsync(connection, tsQuery, cancellationToken);
        }

        var total = request.Collection is { } only ? counts.Single(c => c.Collection == only).Count : counts.Sum(c => c.Count);
        return new SearchPage(hits, total, counts);
    }

    /// <summary>Names starting with the folded prefix, read in index order; see <see cref="SearchSuggestion.Pick"/>.</summary>
    public static async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(NpgsqlDataSource dataSource, string text, int limit, CancellationToken cancellationToken)
    {
        var prefix = Sqlite.SqliteSearch.SuggestPrefix(text);
        if (prefix is null)
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT n.name, n.kind, d.collection, d.slug, d.title
            FROM search_names n JOIN documents d ON d.id = n.id
            WHERE n.folded >= @from AND n.folded < @to
            ORDER BY n.folded, n.kind LIMIT 64
            """,
            connection);
        command.Parameters.AddWithValue("from", prefix);
        command.Parameters.AddWithValue("to", prefix + char.MaxValue);
        var rows = new List<(SearchSuggestion, SearchNameKind)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((new SearchSuggestion(reader.GetString(0), reader.GetString(4), StoreText.ParseCollection(reader.GetString(2)), reader.GetString(3)), (SearchNameKind)reader.GetInt32(1)));
        }

        return SearchSuggestion.Pick(rows, limit);
    }

    private static async Task<IReadOnlyList<CollectionCount>> CountAsync(NpgsqlConnection connection, string tsQuery, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT collection, count(*) FROM documents
            WHERE removed_at IS NULL AND search_vector @@ to_tsquery('formulary_search', @query) GROUP BY collection
            """,
            connection);
        command.Parameters.AddWithValue("query", tsQuery);
        var counts = Enum.GetValues<Collection>().ToDictionary(c => c, _ => 0);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[StoreText.ParseCollection(reader.GetString(0))] = checked((int)reader.GetInt64(1));
        }

        return [.. counts.Select(c => new CollectionCount(c.Key, c.Value))];
    }

    private static async Task<bool> AnyAsync(NpgsqlConnection connection, string tsQuery, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM documents WHERE removed_at IS NULL AND search_vector @@ to_tsquery('formulary_search', @query))", connection);
        command.Parameters.AddWithValue("query", tsQuery);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<IReadOnlySet<string>> TermsWithHitsAsync(
        NpgsqlConnection connection, IReadOnlyList<string> terms, SearchDeadline deadline, CancellationToken cancellationToken)
    {
        var termsWithHits = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            deadline.ThrowIfTooLateToStart();
            if (await AnyAsync(connection, SearchTerms.TsTerm(terms, i), cancellationToken))
            {
                termsWithHits.Add(terms[i]);
            }
        }

        return termsWithHits;
    }
}
