using Formulary.Monographs;
using Formulary.Storage;
using Formulary.Storage.Browsing;
using Formulary.Storage.Feedback;
using Formulary.Storage.Health;
using Formulary.Storage.Importing;
using Formulary.Storage.Listing;
using Formulary.Storage.Search;
using Formulary.Storage.Versions;

namespace Formulary.Web.Hosting;

/// <summary>
/// The store as the site sees it while <c>serve</c> starts: the port is bound first, then the store
/// is opened (and migrated, and published into), so a port in use fails before anything is written.
/// A request that arrives in between waits for the store; readiness says "starting" until it is open.
/// </summary>
internal sealed class DeferredStore(Task<IMonographStore> opening) : IMonographStore, ICardFeedbackStore
{
    public bool IsOpen => opening.IsCompletedSuccessfully;

    public async Task<ImportReport> ImportAsync(IReadOnlyList<ImportDocument> documents, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).ImportAsync(documents, options, progress, cancellationToken);

    public async Task<IImportSession> BeginImportAsync(CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).BeginImportAsync(cancellationToken);

    public async Task<long> GetGenerationAsync(CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).GetGenerationAsync(cancellationToken);

    public async Task<StoredMonograph?> GetAsync(Collection collection, string slug, CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).GetAsync(collection, slug, cancellationToken);

    public async Task<StoredMonograph?> GetVersionAsync(Collection collection, string slug, int version, CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).GetVersionAsync(collection, slug, version, cancellationToken);

    public async Task<IReadOnlyList<MonographVersion>> ListVersionsAsync(Collection collection, string slug, CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).ListVersionsAsync(collection, slug, cancellationToken);

    public async Task<VersionDiff?> DiffAsync(Collection collection, string slug, int fromVersion, int toVersion, CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).DiffAsync(collection, slug, fromVersion, toVersion, cancellationToken);

    public async Task<StoreHealth> CheckHealthAsync(bool integrity, CancellationToken cancellationToken = default) =>
        IsOpen
            ? await opening.Result.CheckHealthAsync(integrity, cancellationToken)
            : StoreHealth.Failed(opening.IsFaulted ? "the store could not be opened" : "the site is starting: the store is being opened");

    public async IAsyncEnumerable<LiveMonographRow> ReadLiveAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var monograph in (await StoreAsync(cancellationToken)).ReadLiveAsync(cancellationToken))
        {
            yield return monograph;
        }
    }

    public async Task<IReadOnlyList<MonographSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).ListAsync(cancellationToken);

    public async Task<IReadOnlyList<LetterCount>> CountByLetterAsync(CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).CountByLetterAsync(cancellationToken);

    public async Task<IReadOnlyList<MonographSummary>> BrowseAsync(Collection collection, string letter, int offset, int limit, CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).BrowseAsync(collection, letter, offset, limit, cancellationToken);

    public async Task<IReadOnlyList<RecentVersion>> ListRecentAsync(int limit, bool everyVersion, CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).ListRecentAsync(limit, everyVersion, cancellationToken);

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).SearchAsync(request, cancellationToken);

    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).SuggestAsync(prefix, limit, cancellationToken);

    public async Task RecordCardsAsync(IReadOnlyList<IssuedCard> cards, CancellationToken cancellationToken = default) =>
        await (await FeedbackStoreAsync(cancellationToken)).RecordCardsAsync(cards, cancellationToken);

    public async Task<int> RecordFeedbackAsync(IReadOnlyList<CardFeedback> feedback, CancellationToken cancellationToken = default) =>
        await (await FeedbackStoreAsync(cancellationToken)).RecordFeedbackAsync(feedback, cancellationToken);

    public async Task<FeedbackSummary> SummarizeFeedbackAsync(CancellationToken cancellationToken = default) =>
        await (await FeedbackStoreAsync(cancellationToken)).SummarizeFeedbackAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (IsOpen)
        {
            await opening.Result.DisposeAsync();
        }
    }

    private Task<IMonographStore> StoreAsync(CancellationToken cancellationToken) => opening.WaitAsync(cancellationToken);

    private async Task<ICardFeedbackStore> FeedbackStoreAsync(CancellationToken cancellationToken) =>
        await StoreAsync(cancellationToken) as ICardFeedbackStore ?? throw new InvalidOperationException("The store does not keep CDS Hooks feedback.");
}
