using System.Data.Common;
using Formulary.Monographs;
using Formulary.Storage.Importing;

namespace Formulary.Storage.Relational;

/// <summary>
/// An import holding the store's import lock from <see cref="IMonographStore.BeginImportAsync"/> to its
/// commit: what <see cref="Stored"/> says cannot change underneath, so a file found unchanged against it
/// need not be parsed. Disposing without <see cref="ImportAsync"/> rolls back and releases the lock.
/// </summary>
internal sealed class ImportSession(
    DbConnection connection, DbTransaction transaction, StoreDialect dialect, DateTimeOffset importedAt,
    Dictionary<(Collection, string), StoredState> stored, bool waited) : IImportSession
{
    public bool Waited => waited;

    public IReadOnlyDictionary<(Collection, string), StoredState> Stored => stored;

    public async Task<ImportReport> ImportAsync(
        IReadOnlyList<ImportDocument> documents,
        IReadOnlyList<SkippedDocument> skipped,
        ImportOptions options,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prepared = ImportBatch.Prepare(documents);
        var steps = ImportPlan.Create(prepared, skipped ?? [], stored, options.RemoveMissing);
        var writer = new StoreImport(connection, transaction, dialect, importedAt);
        var report = await writer.RunAsync(steps, documents.Count + (skipped?.Count ?? 0), progress, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return report with { Waited = waited };
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
