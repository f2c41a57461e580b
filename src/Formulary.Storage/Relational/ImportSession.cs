using System.Data.Common;
using Formulary.Monographs;
using Formulary.Storage.Importing;

namespace Formulary.Storage.Relational;

/// <summary>
/// An import holding the store's import lock from <see cref="IMonographStore.BeginImportAsync"/> to its
/// commit: what <see cref="Stored"/> says cannot change underneath, so a file found unchanged against it
/// need not be parsed. Each document is planned (<see cref="ImportPlan"/>) and written as it is handed over;
/// what is kept of it is its result (outcome and diagnostics) for the report. Disposing without
/// <see cref="CompleteAsync"/> rolls back and releases the lock.
/// </summary>
internal sealed class ImportSession(
    DbConnection connection, DbTransaction transaction, StoreDialect dialect, DateTimeOffset importedAt,
    Dictionary<(Collection, string), StoredState> stored, bool waited) : IImportSession
{
    private readonly StoreImport writer = new(connection, transaction, dialect, importedAt);
    private readonly HashSet<(Collection, string)> written = [];
    private readonly HashSet<(Collection, string)> present = [];
    private readonly List<ImportedDocument> results = [];

    public bool Waited => waited;

    public IReadOnlyDictionary<(Collection, string), StoredState> Stored => stored;

    public async Task<ImportedDocument> WriteAsync(ImportDocument document, CancellationToken cancellationToken = default)
    {
        var prepared = ImportBatch.Prepare(document, written);
        var key = (document.Monograph.Collection, document.Monograph.Slug);
        present.Add(key);
        var step = ImportPlan.For(prepared, stored.GetValueOrDefault(key));
        await writer.WriteAsync(step, cancellationToken);
        results.Add(step.Result);
        return step.Result;
    }

    public ImportedDocument Skip(SkippedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var key = (document.Collection, document.Slug);
        present.Add(key);
        var result = ImportPlan.Skipped(document, stored.GetValueOrDefault(key));
        results.Add(result);
        return result;
    }

    public async Task<ImportReport> CompleteAsync(ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.RemoveMissing)
        {
            foreach (var removal in ImportPlan.Removals(stored, present))
            {
                await writer.WriteAsync(removal, cancellationToken);
                results.Add(removal.Result);
            }
        }

        var (changed, generation) = await writer.FinishAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportReport([.. results]) { Waited = waited, ChangedStore = changed, Generation = generation };
    }

    public async Task<ImportReport> ImportAsync(
        IReadOnlyList<ImportDocument> documents,
        IReadOnlyList<SkippedDocument> skipped,
        ImportOptions options,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        skipped ??= [];
        var (done, total) = (0, documents.Count + skipped.Count);
        foreach (var document in documents)
        {
            var result = await WriteAsync(document, cancellationToken);
            progress?.Report(new ImportProgress(++done, total, result.SourcePath));
        }

        foreach (var document in skipped)
        {
            progress?.Report(new ImportProgress(++done, total, Skip(document).SourcePath));
        }

        return await CompleteAsync(options, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
