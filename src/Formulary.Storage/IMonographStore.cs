using Formulary.Monographs;
using Formulary.Storage.Browsing;
using Formulary.Storage.Importing;
using Formulary.Storage.Listing;
using Formulary.Storage.Search;
using Formulary.Storage.Versions;

namespace Formulary.Storage;

/// <summary>
/// The one storage seam: versioned monographs plus full-text search. Implementations are thread-safe
/// and open a connection per call, so one instance can be shared (register it as a singleton).
/// What comes out is the parsed <see cref="Monographs.Model.Monograph"/> model and version metadata,
/// never a storage row.
/// </summary>
public interface IMonographStore : IAsyncDisposable
{
    /// <summary>
    /// Imports a set of documents in one transaction: unchanged content (same content hash) is left
    /// alone, changed content becomes a new version (old versions are kept), and a document the store
    /// cannot accept is reported as failed without stopping the others. Cancelled or killed midway,
    /// the store keeps its previous complete state.
    /// </summary>
    Task<ImportReport> ImportAsync(
        IReadOnlyList<ImportDocument> documents,
        ImportOptions options,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the store's import lock (waiting for another import if needed) and reads what is stored,
    /// for an import that decides what to parse from it (<see cref="Publishing.ContentPublisher"/>).
    /// </summary>
    Task<IImportSession> BeginImportAsync(CancellationToken cancellationToken = default);

    /// <summary>A number every import that writes anything increases: caches of any process are keyed by it.</summary>
    Task<long> GetGenerationAsync(CancellationToken cancellationToken = default);

    /// <summary>The latest published version, or null when the document does not exist, was removed or was never published.</summary>
    Task<StoredMonograph?> GetAsync(Collection collection, string slug, CancellationToken cancellationToken = default);

    /// <summary>One version (1-based) of a document, removed or rejected or not; null when there is no such version.</summary>
    Task<StoredMonograph?> GetVersionAsync(Collection collection, string slug, int version, CancellationToken cancellationToken = default);

    /// <summary>Every version of a document, oldest first; empty when the document was never imported.</summary>
    Task<IReadOnlyList<MonographVersion>> ListVersionsAsync(Collection collection, string slug, CancellationToken cancellationToken = default);

    /// <summary>A line diff of the source text between two versions; null when either version does not exist.</summary>
    Task<VersionDiff?> DiffAsync(Collection collection, string slug, int fromVersion, int toVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Readiness: a cheap query (is any document live?) and, when <paramref name="integrity"/>
    /// is set, the database's own integrity check (SQLite <c>quick_check</c>). A store with no live
    /// document is not ready: serving it would publish an empty site. Never throws for a broken store.
    /// </summary>
    Task<Health.StoreHealth> CheckHealthAsync(bool integrity, CancellationToken cancellationToken = default);

    /// <summary>
    /// The model of every live document (the version <see cref="GetAsync"/> answers) and its sections as rendered at
    /// import, read in one statement as the caller asks for the next: a static export of any size without a query
    /// per document, nor a Markdown parse per section. Each row is unpacked by its taker (<see cref="LiveMonographRow.Unpack"/>).
    /// </summary>
    IAsyncEnumerable<LiveMonographRow> ReadLiveAsync(CancellationToken cancellationToken = default);

    /// <summary>Every live document, ordered by collection then slug (sitemap, export, links between collections).</summary>
    Task<IReadOnlyList<MonographSummary>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>How many live documents each collection files under each letter of the A–Z bar (<see cref="BrowseLetter"/>); a letter with none is absent.</summary>
    Task<IReadOnlyList<LetterCount>> CountByLetterAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of a collection's live documents under a letter of the A–Z bar, ordered by folded title
    /// then slug (code-point order on both stores); <paramref name="limit"/> within 1..<see cref="BrowseLimits.MaxLimit"/>.
    /// </summary>
    Task<IReadOnlyList<MonographSummary>> BrowseAsync(Collection collection, string letter, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Published versions of live documents, newest import first (then higher version, then later
    /// document); with <paramref name="everyVersion"/> false each document once, at its published version.
    /// <paramref name="limit"/> within 1..<see cref="BrowseLimits.MaxRecent"/>.
    /// </summary>
    Task<IReadOnlyList<RecentVersion>> ListRecentAsync(int limit, bool everyVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Full-text search over titles, brand and alternate names (weighted highest) and body text.
    /// Any query text is safe: it is reduced to words before it reaches the search engine, and each
    /// search stops at <see cref="SearchLimits.TimeBudget"/> (the result says so).
    /// The request's limit must be within 1..<see cref="SearchLimits.MaxLimit"/> and its offset
    /// within 0..<see cref="SearchLimits.MaxOffset"/>.
    /// </summary>
    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> names (generic, brand, alternate, combination) that start with
    /// the text typed, or have a word that does, compared case- and accent-insensitively; empty below
    /// <see cref="SearchLimits.MinSuggestChars"/> letters.
    /// </summary>
    Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken = default);
}
