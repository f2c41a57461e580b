using Formulary.Monographs;

namespace Formulary.Storage.Importing;

/// <summary>
/// One import in progress, holding the store's import lock (a second import waits for it, and says so
/// in <see cref="ImportReport.Waited"/>) and one transaction. <see cref="Heads"/> and <see cref="ReadStoredAsync"/> are
/// the store's state under the lock; the publisher reads them to skip unchanged files, then hands over the documents one at a time
/// (<see cref="WriteAsync"/>, <see cref="Skip"/>) as it reads them, so no more than one is held, and
/// <see cref="CompleteAsync"/> commits. Nothing is visible before the commit; disposing without it rolls back
/// and releases the lock.
/// </summary>
public interface IImportSession : IAsyncDisposable
{
    bool Waited { get; }

    /// <summary>
    /// Every stored document's head, enough to tell that nothing changed, read under the lock when first asked for; null when
    /// the store recorded no listing (<see cref="ListingDigest"/>), so that no import can be confirmed.
    /// </summary>
    Task<IReadOnlyDictionary<(Collection, string), StoredHead>?> ReadHeadsAsync(CancellationToken cancellationToken = default);

    /// <summary>The digest of the listing the last import through one recorded (<see cref="ImportOptions.ListingDigest"/>); null: none.</summary>
    long? ListingDigest { get; }

    /// <summary>Every stored document's whole state, read under the lock the first time it is asked for.</summary>
    Task<IReadOnlyDictionary<(Collection, string), StoredState>> ReadStoredAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks one document, decides what it becomes and writes it (uncommitted).</summary>
    Task<ImportedDocument> WriteAsync(ImportDocument document, CancellationToken cancellationToken = default);

    /// <summary>A document found unchanged without being parsed: nothing is written; it counts as present.</summary>
    ImportedDocument Skip(SkippedDocument document);

    /// <summary>Removes what was not seen (when <paramref name="options"/> say so), refreshes the search index and commits.</summary>
    /// <returns>Every document handed over, in that order, then the removed ones.</returns>
    Task<ImportReport> CompleteAsync(ImportOptions options, CancellationToken cancellationToken = default);

    /// <summary>The documents, then the skipped ones, handed over one by one, then <see cref="CompleteAsync"/>.</summary>
    Task<ImportReport> ImportAsync(
        IReadOnlyList<ImportDocument> documents,
        IReadOnlyList<SkippedDocument> skipped,
        ImportOptions options,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default);
}
