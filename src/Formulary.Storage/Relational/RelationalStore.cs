using System.Data.Common;
using System.Runtime.CompilerServices;
using Formulary.Monographs;
using Formulary.Storage.Browsing;
using Formulary.Storage.Feedback;
using Formulary.Storage.Importing;
using Formulary.Storage.Indexing;
using Formulary.Storage.Listing;
using Formulary.Storage.Search;
using Formulary.Storage.Versions;

namespace Formulary.Storage.Relational;

/// <summary>
/// The store over a relational database: import, versions, listing and the generation are the same
/// code for SQLite and PostgreSQL (<see cref="StoreImport"/>, <see cref="StoreReads"/>); a subclass
/// supplies connections, its <see cref="StoreDialect"/> and its search.
/// </summary>
public abstract class RelationalStore : IMonographStore, ICardFeedbackStore
{
    private protected RelationalStore(TimeProvider timeProvider)
    {
        TimeProvider = timeProvider;
    }

    private protected TimeProvider TimeProvider { get; }

    private protected abstract StoreDialect Dialect { get; }

    /// <summary>The database time one search may use (default <see cref="Search.SearchLimits.TimeBudget"/>).</summary>
    public TimeSpan SearchBudget { get; set; } = Search.SearchLimits.TimeBudget;

    /// <summary>The schema version after opening, and how many numbered migrations opening applied.</summary>
    public (int Version, int Applied) Schema { get; private protected init; }

    /// <summary>Where the data lives, for messages (a file path, or host and database; never a password).</summary>
    public abstract string Location { get; }

    private protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The in-process search index (<see cref="StartSearchIndex"/>); null: the SQL search answers every search.</summary>
    private protected SearchIndex? Index { get; private set; }

    /// <summary>
    /// Builds this node's in-process search index in the background and keeps it at the store's generation
    /// (<see cref="SearchIndex"/>); the SQL search answers until it is ready, whenever it is behind, and after a
    /// failure, which is reported to <paramref name="failed"/> (once until the index works again). When the first build
    /// ends, <paramref name="built"/> is told how many documents it holds and how long the build took.
    /// </summary>
    public void StartSearchIndex(Action<Exception> failed, Action<int, TimeSpan>? built = null)
    {
        ArgumentNullException.ThrowIfNull(failed);
        StartSearchIndex(failed, catchUpBeforeSearch: false, built);
    }

    /// <summary>Tests: an index brought up to the store before each search, which must answer it (<see cref="SearchIndex.CatchUpBeforeSearch"/>).</summary>
    internal SearchIndex StartSearchIndex(Action<Exception> failed, bool catchUpBeforeSearch, Action<int, TimeSpan>? built = null, int warmUpSearches = IndexWarmUp.Searches)
    {
        if (Index is null)
        {
            Index = new SearchIndex(OpenAsync, TimeProvider, failed, built) { CatchUpBeforeSearch = catchUpBeforeSearch, WarmUpSearches = warmUpSearches };
            Index.Start();
        }

        return Index;
    }

    private protected async ValueTask StopSearchIndexAsync()
    {
        if (Index is { } index)
        {
            Index = null;
            await index.DisposeAsync();
        }
    }

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        SearchAsync(request, SearchBudget, cancellationToken);

    /// <summary>
    /// One search of the SQL path with a long budget (<see cref="WarmUpBudget"/>), its answer dropped, so the first
    /// reader's search does not pay for compiling the search code: on a busy 2-core machine that alone overran the
    /// 150 ms budget and a fresh server answered its first search "took too long", with no hits (session 25). The query
    /// finds nothing and is corrected against the names, the longest path a search takes.
    /// </summary>
    public async Task WarmUpSearchAsync(CancellationToken cancellationToken = default) =>
        _ = await SearchAsync(new SearchRequest("warmup search"), WarmUpBudget, cancellationToken);

    /// <summary>The warm-up search's budget: long enough for the compiler, bounded for a store that searches slowly.</summary>
    public static readonly TimeSpan WarmUpBudget = TimeSpan.FromSeconds(5);

    private protected abstract Task<SearchResults> SearchAsync(SearchRequest request, TimeSpan budget, CancellationToken cancellationToken);

    public abstract Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken = default);

    public abstract ValueTask DisposeAsync();

    public async Task<IImportSession> BeginImportAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            var (transaction, waited) = await Dialect.BeginImportAsync(connection, cancellationToken);
            await using var load = connection.CreateCommand();
            load.Transaction = transaction;
            var listing = await StoreReads.ListingDigestAsync(connection, transaction, cancellationToken);
            return new ImportSession(connection, transaction, Dialect, TimeProvider.GetUtcNow(), listing, waited);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<ImportReport> ImportAsync(
        IReadOnlyList<ImportDocument> documents, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        await using var session = await BeginImportAsync(cancellationToken);
        return await session.ImportAsync(documents, [], options, progress, cancellationToken);
    }

    public async Task<long> GetGenerationAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await StoreReads.GenerationAsync(connection, cancellationToken);
    }

    public async Task<StoredMonograph?> GetAsync(Collection collection, string slug, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await StoreReads.GetAsync(connection, Dialect, collection, slug, version: null, cancellationToken);
    }

    public async IAsyncEnumerable<LiveMonographRow> ReadLiveAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await foreach (var monograph in StoreReads.ReadLiveAsync(connection, Dialect, cancellationToken))
        {
            yield return monograph;
        }
    }

    public async Task<StoredMonograph?> GetVersionAsync(Collection collection, string slug, int version, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await StoreReads.GetAsync(connection, Dialect, collection, slug, version, cancellationToken);
    }

    public async Task<IReadOnlyList<MonographVersion>> ListVersionsAsync(Collection collection, string slug, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await StoreReads.ListVersionsAsync(connection, collection, slug, cancellationToken);
    }

    public async Task<VersionDiff?> DiffAsync(Collection collection, string slug, int fromVersion, int toVersion, CancellationToken cancellationToken = default)
    {
        var from = await GetVersionAsync(collection, slug, fromVersion, cancellationToken);
        var to = await GetVersionAsync(collection, slug, toVersion, cancellationToken);
        return VersionDiff.Between(collection, slug, from, to);
    }

    public async Task<Health.StoreHealth> CheckHealthAsync(bool integrity, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            if (integrity && await Dialect.IntegrityProblemAsync(connection, cancellationToken) is { } problem)
            {
                return Health.StoreHealth.Failed($"the store failed its integrity check: {problem}", lasting: true, detail: $"the store at {Location}");
            }

            return await StoreReads.AnyLiveAsync(connection, cancellationToken)
                ? Health.StoreHealth.Healthy
                : Health.StoreHealth.Failed("the store holds no published document", detail: $"the store at {Location}");
        }
        catch (DbException e)
        {
            return Health.StoreHealth.Failed("the store does not answer", detail: $"the store at {Location}: {e.Message}");
        }
    }

    public async Task<IReadOnlyList<MonographSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await StoreReads.ListAsync(connection, Dialect, cancellationToken);
    }

    public async Task<IReadOnlyList<LetterCount>> CountByLetterAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await StoreBrowse.CountByLetterAsync(connection, cancellationToken);
    }

    public async Task<IReadOnlyList<MonographSummary>> BrowseAsync(Collection collection, string letter, int offset, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await StoreBrowse.BrowseAsync(connection, Dialect, collection, letter, offset, limit, cancellationToken);
    }

    public async Task<IReadOnlyList<RecentVersion>> ListRecentAsync(int limit, bool everyVersion, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await StoreBrowse.ListRecentAsync(connection, limit, everyVersion, cancellationToken);
    }

    public async Task RecordCardsAsync(IReadOnlyList<IssuedCard> cards, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cards);
        if (cards.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await StoreFeedback.RecordCardsAsync(connection, Dialect, cards, cancellationToken);
    }

    public async Task<int> RecordFeedbackAsync(IReadOnlyList<CardFeedback> feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await using var connection = await OpenAsync(cancellationToken);
        return await StoreFeedback.RecordFeedbackAsync(connection, Dialect, feedback, cancellationToken);
    }

    public async Task<FeedbackSummary> SummarizeFeedbackAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await StoreFeedback.SummarizeAsync(connection, cancellationToken);
    }
}
