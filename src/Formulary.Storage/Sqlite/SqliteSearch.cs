using Formulary.Monographs;
using Formulary.Storage.Indexing;
using Formulary.Storage.Relational;
using Formulary.Storage.Search;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// FTS5 search. Ranking is robust to tiny corpora (where bm25's IDF collapses): an exact name first, then
/// documents whose title or names match, then those indicated for the words (title, names or
/// indications), then by collection (composition, combination, brand), then bm25 with column weights
/// title 10, names 8, indications 4, body 1 (<see cref="SqliteRanking"/>).
/// </summary>
internal sealed class SqliteSearch
{
    private readonly NameVocabularyCache vocabulary;

    /// <summary>
    /// Microsoft.Data.Sqlite runs statements synchronously on the calling thread: without a bound, a few
    /// slow searches hold every thread-pool thread and even /health waits. Waiting here is asynchronous
    /// and counts against the search's time budget; a search whose budget ends while it waits answers
    /// "timed out" then, instead of queueing on.
    /// </summary>
    private readonly SemaphoreSlim running = new(Math.Max(1, Environment.ProcessorCount - 1));

    private readonly Func<SqliteConnection> open;
    private readonly TimeProvider time;

    private readonly Func<SearchIndex?> index;

    public SqliteSearch(Func<SqliteConnection> open, TimeProvider time, Func<SearchIndex?>? index = null)
    {
        this.open = open;
        this.time = time;
        this.index = index ?? (() => null);
        vocabulary = new(_ => Task.FromResult<System.Data.Common.DbConnection>(open()));
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

        // On its own thread (the provider's calls are synchronous), so that the caller is answered by the deadline
        // even when a statement is inside a call SQLite cannot interrupt (SearchLimits.AnswerGrace).
        var work = Task.Run(() => RunInSlotAsync(request, deadline, cancellationToken), CancellationToken.None);
        try
        {
            return await work.WaitAsync(deadline.LeftToAnswer, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The work ends on its own and gives its slot back; what it throws then has no one to answer.
            _ = work.ContinueWith(static ended => ended.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return SearchResults.Empty(request) with { TimedOut = true };
        }
    }

    private async Task<SearchResults> RunInSlotAsync(SearchRequest request, SearchDeadline deadline, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = open();
            using var budgeted = SqliteQueryBudget.Start(connection, deadline, cancellationToken);
            using var indexed = await IndexedSearch.LeaseAsync(index(), connection, cancellationToken);
            return await SearchFlow.RunAsync(
                request,
                (terms, page, token) => budgeted.Run(() => IndexedSearch.PageAsync(
                    indexed, connection, terms, page, deadline, () => SqliteRanking.PageAsync(connection, terms, page, deadline, token), token)),
                async (terms, token) => SpellingSuggester.Suggest(
                    terms,
                    await budgeted.Run(() => IndexedSearch.TermsWithHitsAsync(indexed, terms, deadline, () => TermsWithHitsAsync(connection, terms, deadline, token))),
                    await budgeted.Run(() => vocabulary.GetAsync(connection, deadline, token))),
                cancellationToken);
        }
        finally
        {
            running.Release();
        }
    }

    /// <summary>
    /// A search slot, waited for at most as long as a statement may still start (false: too late to start one;
    /// see <see cref="SearchLimits.StartReserve"/>).
    /// </summary>
    private async Task<bool> TakeSlotAsync(SearchDeadline deadline, CancellationToken cancellationToken)
    {
        if (running.Wait(0))
        {
            return true;
        }

        var left = deadline.LeftToStart;
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

    private static async Task<IReadOnlySet<string>> TermsWithHitsAsync(
        SqliteConnection connection, IReadOnlyList<string> terms, SearchDeadline deadline, CancellationToken cancellationToken)
    {
        var termsWithHits = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            deadline.ThrowIfTooLateToStart();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT EXISTS (SELECT 1 FROM search WHERE search MATCH $query)";
            command.Parameters.AddWithValue("$query", SearchTerms.Fts5Term(terms, i));
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) != 0)
            {
                termsWithHits.Add(terms[i]);
            }
        }

        return termsWithHits;
    }
}
