namespace Formulary.Storage.Search;

/// <summary>
/// The documented bounds of a search. Query text longer than <see cref="MaxQueryChars"/> is cut, and
/// only the first <see cref="MaxTerms"/> words (each cut to <see cref="MaxTermChars"/>) are searched;
/// limit and offset outside their ranges are a caller bug (the API answers 400 before calling). Words
/// shorter than <see cref="MinPrefixChars"/> are not prefixes, and each search has a <see cref="TimeBudget"/>.
/// </summary>
public static class SearchLimits
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;
    public const int MaxOffset = 10_000;
    public const int MaxQueryChars = 1_000;
    public const int MaxTerms = 12;
    public const int MaxTermChars = 64;

    /// <summary>Suggestions start at this many letters; at most <see cref="MaxSuggestions"/> come back.</summary>
    public const int MinSuggestChars = 2;

    public const int MaxSuggestions = 20;

    public const int DefaultSuggestions = 8;

    /// <summary>
    /// Shorter words are matched as whole words, longer ones as prefixes (see <see cref="SearchTerms"/>). The SQLite full-text
    /// index keeps prefix indexes from this length up (schema 18): lower this and add the shorter length to the index.
    /// </summary>
    public const int MinPrefixChars = 3;

    /// <summary>
    /// The longest prefix the SQLite full-text index keeps (<c>prefix = '3 4'</c>, SQLite schema 18): a word up to this long is a
    /// prefix anywhere in a query, a longer one only as the last word (<see cref="SearchTerms.IsPrefix"/>).
    /// </summary>
    public const int IndexedPrefixChars = 4;

    /// <summary>
    /// The database time one search may use by default, correction included (SQLite: a progress
    /// handler; PostgreSQL: <c>statement_timeout</c>); a search that reaches it answers "timed out".
    /// Each store's <c>SearchBudget</c> may change it (the storage tests use a long one, so that a
    /// loaded test machine does not turn a behaviour test into a timing test). 150 ms, not the 200 ms it was:
    /// a search answers at the latest at the budget plus <see cref="AnswerGrace"/> after its arrival, and the
    /// promise is an answer at the client within 250 ms, so the rest (writing the answer, the client's own
    /// scheduling on a loaded machine) needs a margin (ADR 0005 decision 12).
    /// </summary>
    public static readonly TimeSpan TimeBudget = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// A statement starts only while this much of the budget is left (<see cref="SearchDeadline.ThrowIfTooLateToStart"/>):
    /// the first steps of a full-text statement (reading each word's posting list, bm25's document
    /// frequencies) run inside one FTS5 call that SQLite's progress handler cannot interrupt, and at
    /// 100,000 documents twelve common prefixes make that call take tens of milliseconds. Started this
    /// early, it ends within the budget; PostgreSQL follows the same rule, so both stores time out alike.
    /// </summary>
    public static readonly TimeSpan StartReserve = TimeSpan.FromMilliseconds(30);

    /// <summary>
    /// A search answers at the latest this long after its budget ends (<see cref="SearchDeadline.LeftToAnswer"/>):
    /// a SQLite statement inside one call the progress handler cannot interrupt (an FTS5 prefix merge, bm25's
    /// document frequencies) is left to end on its own, still holding its search slot, and the caller is
    /// answered "timed out" without waiting for it. The grace lets an interrupted statement wind down normally.
    /// </summary>
    public static readonly TimeSpan AnswerGrace = TimeSpan.FromMilliseconds(20);

    public static void Validate(int limit, int offset)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, MaxOffset);
    }
}
