using Formulary.Monographs;

namespace Formulary.Storage.Importing;

/// <summary>
/// One import in progress, holding the store's import lock (a second import waits for it, and says so
/// in <see cref="ImportReport.Waited"/>). <see cref="Stored"/> is the store's state under the lock; the
/// publisher reads it to skip unchanged files, then calls <see cref="ImportAsync"/> once, which commits.
/// </summary>
public interface IImportSession : IAsyncDisposable
{
    bool Waited { get; }

    IReadOnlyDictionary<(Collection, string), StoredState> Stored { get; }

    Task<ImportReport> ImportAsync(
        IReadOnlyList<ImportDocument> documents,
        IReadOnlyList<SkippedDocument> skipped,
        ImportOptions options,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default);
}
