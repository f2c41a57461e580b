using Formulary.Monographs;
using Formulary.Storage.Relational;
using Formulary.Storage.Search;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// FTS5 search. Ranking is robust to tiny corpora (where bm25's IDF collapses): an exact name first, then
/// documents whose title or names match, then those indicated for the words (title, names or
/// indications), then by collection (composition, combination, brand), then bm25 with column weights
/// title 10, names 8, indications 4, body 1.
/// </summary>
internal sealed class SqliteSearch
{
    /// <summary>
    /// Ranks every match on cheap columns first and reads the text for the requested page only, where
    /// <see cref="SearchSnippet"/> picks each hit's section and snippet. The per-collection counts come from window sums in the same
    /// pass; hits of the wanted collection sort first, so rows of other collections reach the page
    /// only past its end and are dropped by the reader. Ranking reads collection and slug through the
    /// covering index <c>documents_rank</c>: the documents rows hold the whole body text, and visiting
    /// 5,000 of them cost more than bm25 itself.
    /// </summary>
    internal const string HitsSql =
        """
        WITH name_matches AS MATERIALIZED (SELECT rowid AS id FROM search WHERE search MATCH $names),
        indicated AS MATERIALIZED (SELECT rowid AS id FROM search WHERE search MATCH $indicated),
        ranked AS MATERIALIZED (
            SELECT search.rowid AS id, bm25(search, 10.0, 8.0, 4.0, 1.0) AS rank
            FROM search WHERE search MATCH $query),
        page AS MATERIALIZED (
            SELECT r.id, r.rank, d.collection, d.slug,
                   CASE WHEN r.id IN (SELECT id FROM search_names WHERE key = $key) THEN 0
                        WHEN r.id IN (SELECT id FROM name_matches) THEN 1
                        WHEN r.id IN (SELECT id FROM indicated) THEN 2 ELSE 3 END AS tier,
                   CASE d.collection WHEN 'compositions' THEN 0 WHEN 'combinations' THEN 1 ELSE 2 END AS collection_rank,
                   ($collection IS NULL OR d.collection = $collection) AS wanted,
                   sum(d.collection = 'compositions') OVER () AS compositions,
                   sum(d.collection = 'combinations') OVER () AS combinations,
                   sum(d.collection = 'medicines') OVER () AS medicines
            FROM ranked r JOIN documents d INDEXED BY documents_rank ON d.id = r.id
            ORDER BY wanted DESC, tier, collection_rank, r.rank, d.slug
            LIMIT $limit OFFSET $offset)
        SELECT p.collection, p.slug, t.title, t.names, t.body_text, t.sections_json, p.rank,
               p.wanted, p.compositions, p.combinations, p.medicines
        FROM page p JOIN documents t ON t.id = p.id
        ORDER BY p.wanted DESC, p.tier, p.collection_rank, p.rank, p.slug
        """;

    private const string CountsSql =
        """
        SELECT d.collection, count(*) FROM search JOIN documents d INDEXED BY documents_rank ON d.id = search.rowid
        WHERE search MATCH $query GROUP BY d.collection
        """;

    private readonly NameVocabularyCache vocabulary = new();

    /// <summary>
    /// Microsoft.Data.Sqlite runs statements synchronously on the calling thread: without a bound, a few
    /// slow searches hold every thread-pool thread and even /health waits. Waiting here is asynchronous
    /// and counts against the search's time budget; a search whose budget ends while it waits answers
    /// "timed out" then, instead of queueing on.
    /// </summary>
    private readonly SemaphoreSlim running = new(Math.Max(1, Environment.ProcessorCount - 1));

    private readonly Func<SqliteConnection> open;
    private readonly TimeProvider time;

    public SqliteSearch(Func<SqliteConnection> open, TimeProvider time)
    {
        this.open = open;
        this.time = time;
    }

    /// <summary>The search slots (tests hold them to see a search wait).</summary>
    internal SemaphoreSlim Slots => running;

    public async Task<SearchResults> SearchAsync(SearchRequest request, TimeSpan budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        SearchLimits.Validate(request.Limit, request.Offset);
        var deadline = SearchDeadline.For(request, budget, time);
        if (!await TakeSlotAsync(deadline, cancellationToken))
        {
            return SearchResults.Empty(request) with { TimedOut = true };
        }

        try
        {
            await using var connection = open();
            using var budgeted = SqliteQueryBudget.Start(connection, deadline, cancellationToken);
            return await SearchFlow.RunAsync(
                request,
                (terms, page, token) => budgeted.Run(() => PageAsync(connection, terms, page, token)),
                async (terms, token) => SpellingSuggester.Suggest(
                    terms,
                    await budgeted.Run(() => TermsWithHitsAsync(connection, terms, token)),
                    await budgeted.Run(() => vocabulary.GetAsync(connection, token))),
                cancellationToken);
        }
        finally
        {
            running.Release();
        }
    }

    /// <summary>A search slot, waited for until the deadline at most (false: the budget ended first).</summary>
    private async Task<bool> TakeSlotAsync(SearchDeadline deadline, CancellationToken cancellationToken)
    {
        if (running.Wait(0))
        {
            return true;
        }

        var left = deadline.Remaining;
        if (left <= TimeSpan.Zero)
        {
            return false;
        }

        using var expiry = new CancellationTokenSource(left, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(expiry.Token, cancellationToken);
        try
        {
            await running.WaitAsync(either.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<SearchPage> PageAsync(SqliteConnection connection, IReadOnlyList<string> terms, SearchRequest request, CancellationToken cancellationToken)
    {
        var match = SearchTerms.ToFts5(terms);
        var matcher = new TermMatcher(terms);
        var hits = new List<SearchHit>();
        IReadOnlyList<CollectionCount>? counts = null;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = HitsSql;
            command.Parameters.AddWithValue("$query", match);
            command.Parameters.AddWithValue("$names", $"{{title names}} : ({match})");
            command.Parameters.AddWithValue("$indicated", $"{{title names indications}} : ({match})");
            command.Parameters.AddWithValue("$key", NameKey.Key(string.Join(' ', terms)) is { Length: > 0 } key ? key : DBNull.Value);
            command.Parameters.AddWithValue("$collection", request.Collection is { } wanted ? StoreText.Collection(wanted) : DBNull.Value);
            command.Parameters.AddWithValue("$limit", request.Limit);
            command.Parameters.AddWithValue("$offset", request.Offset);
            using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts ??= [
                    new(Collection.Composition, reader.GetInt32(8)),
                    new(Collection.Combination, reader.GetInt32(9)),
                    new(Collection.Medicine, reader.GetInt32(10))];
                if (reader.GetBoolean(7))
                {
                    hits.Add(SearchHit.Read(reader, matcher, -reader.GetDouble(6)));
                }
            }
        }

        // An empty page says nothing about the counts (offset past the end, or no match at all).
        counts ??= await CountAsync(connection, match, cancellationToken);
        var total = request.Collection is { } only ? counts.Single(c => c.Collection == only).Count : counts.Sum(c => c.Count);
        return new SearchPage(hits, total, counts);
    }

    /// <summary>
    /// Names starting with the folded prefix, read in index order (a range scan, never a sort of every
    /// match): 64 rows are enough to pick the best few, and the cost does not grow with the corpus.
    /// </summary>
    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string text, int limit, CancellationToken cancellationToken)
    {
        var prefix = SuggestPrefix(text);
        if (prefix is null)
        {
            return [];
        }

        await using var connection = open();
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT n.name, n.kind, d.collection, d.slug, d.title
            FROM search_names n JOIN documents d ON d.id = n.id
            WHERE n.folded >= $from AND n.folded < $to
            ORDER BY n.folded, n.kind LIMIT 64
            """;
        command.Parameters.AddWithValue("$from", prefix);
        command.Parameters.AddWithValue("$to", prefix + char.MaxValue);
        var rows = new List<(SearchSuggestion, SearchNameKind)>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((new SearchSuggestion(reader.GetString(0), reader.GetString(4), StoreText.ParseCollection(reader.GetString(2)), reader.GetString(3)), (SearchNameKind)reader.GetInt32(1)));
        }

        return SearchSuggestion.Pick(rows, limit);
    }

    /// <summary>The folded prefix to look up, or null when it is shorter than <see cref="SearchLimits.MinSuggestChars"/>.</summary>
    internal static string? SuggestPrefix(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = NameKey.Fold(text.Length > SearchLimits.MaxQueryChars ? text[..SearchLimits.MaxQueryChars] : text);
        return folded.Length < SearchLimits.MinSuggestChars ? null : folded[..Math.Min(folded.Length, SearchLimits.MaxTermChars)];
    }

    private static async Task<IReadOnlyList<CollectionCount>> CountAsync(SqliteConnection connection, string match, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = CountsSql;
        command.Parameters.AddWithValue("$query", match);
        var counts = Enum.GetValues<Collection>().ToDictionary(c => c, _ => 0);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[StoreText.ParseCollection(reader.GetString(0))] = reader.GetInt32(1);
        }

        return [.. counts.Select(c => new CollectionCount(c.Key, c.Value))];
    }

    private static async Task<IReadOnlySet<string>> TermsWithHitsAsync(SqliteConnection connection, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var termsWithHits = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT EXISTS (SELECT 1 FROM search WHERE search MATCH $query)";
            command.Parameters.AddWithValue("$query", SearchTerms.ToFts5([term]));
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) != 0)
            {
                termsWithHits.Add(term);
            }
        }

        return termsWithHits;
    }
}
