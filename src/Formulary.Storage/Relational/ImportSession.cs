using System.Data.Common;
using Formulary.Monographs;
using Formulary.Monographs.Loading;
using Formulary.Storage.Importing;

namespace Formulary.Storage.Relational;

/// <summary>
/// An import holding the store's import lock from <see cref="IMonographStore.BeginImportAsync"/> to its
/// commit: what <see cref="ReadStoredAsync"/> says cannot change underneath, so a file found unchanged against it
/// need not be parsed. Each document is planned (<see cref="ImportPlan"/>) as it is handed over, its values
/// computed on the thread pool (<see cref="EncodedStep"/>) and written in the order handed over, at most
/// <see cref="EncodeAhead"/> behind; what is kept of it is its result (outcome and diagnostics) for the report. Disposing without
/// <see cref="CompleteAsync"/> rolls back and releases the lock. The stored heads (<see cref="ReadHeadsAsync"/>, when the
/// store recorded a listing an import could confirm) and the whole state (<see cref="ReadStoredAsync"/>) are read, under the
/// same lock, when first asked for.
/// </summary>
internal sealed class ImportSession(
    DbConnection connection, DbTransaction transaction, StoreDialect dialect, DateTimeOffset importedAt,
    long? listingDigest, bool waited) : IImportSession
{
    /// <summary>How many decided steps may wait for the connection while their values are computed on other cores.</summary>
    private const int EncodeAhead = 16;

    private readonly StoreImport writer = new(connection, transaction, dialect, importedAt);
    private readonly Queue<(ImportStep Step, Task<EncodedStep?> Encoded)> pending = new();
    private readonly HashSet<(Collection, string)> written = [];
    private readonly HashSet<(Collection, string)> present = [];
    private readonly List<ImportedDocument> results = [];

    /// <summary>The stamps of the files read in this import, recorded at the commit with the import's start as their time (<see cref="RecordedStamp"/>).</summary>
    private readonly List<(Collection Collection, string Slug, string ContentHash, SourceStamp Stamp)> stamps = [];

    public bool Waited => waited;

    private Dictionary<(Collection, string), StoredHead>? heads;

    public async Task<IReadOnlyDictionary<(Collection, string), StoredHead>?> ReadHeadsAsync(CancellationToken cancellationToken = default)
    {
        if (heads is null && listingDigest is not null)
        {
            await using var load = connection.CreateCommand();
            load.Transaction = transaction;
            heads = await StoredHead.LoadAsync(load, dialect, cancellationToken);
            present.EnsureCapacity(heads.Count);
            results.EnsureCapacity(heads.Count);
        }

        return heads;
    }

    public long? ListingDigest => listingDigest;

    private Dictionary<(Collection, string), StoredState>? stored;

    public async Task<IReadOnlyDictionary<(Collection, string), StoredState>> ReadStoredAsync(CancellationToken cancellationToken = default) =>
        await StoredAsync(cancellationToken);

    private async ValueTask<Dictionary<(Collection, string), StoredState>> StoredAsync(CancellationToken cancellationToken)
    {
        if (stored is null)
        {
            await using var load = connection.CreateCommand();
            load.Transaction = transaction;
            stored = await StoredState.LoadAsync(load, dialect, cancellationToken);
        }

        return stored;
    }

    public async Task<ImportedDocument> WriteAsync(ImportDocument document, CancellationToken cancellationToken = default)
    {
        var prepared = ImportBatch.Prepare(document, written);
        var key = (document.Monograph.Collection, document.Monograph.Slug);
        present.Add(key);
        var step = ImportPlan.For(prepared, (await StoredAsync(cancellationToken)).GetValueOrDefault(key));
        pending.Enqueue((step, step.Kind == ImportStepKind.Nothing ? Task.FromResult<EncodedStep?>(null) : Task.Run(() => EncodedStep.Of(step, dialect, importedAt), cancellationToken)));
        results.Add(step.Result);
        if (document.Stamp is { } stamp && step.Result.Outcome != ImportOutcome.Failed)
        {
            stamps.Add((key.Collection, key.Slug, document.ContentHash, stamp));
        }

        while (pending.Count > EncodeAhead || (pending.Count > 0 && pending.Peek().Encoded.IsCompleted))
        {
            await WriteNextAsync(cancellationToken);
        }

        return step.Result;
    }

    /// <summary>Writes the oldest decided step, once its values are computed: steps reach the database in the order they were handed over.</summary>
    private async Task WriteNextAsync(CancellationToken cancellationToken)
    {
        var (step, encoded) = pending.Dequeue();
        await writer.WriteAsync(step, await encoded, cancellationToken);
    }

    public ImportedDocument Skip(SkippedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var key = (document.Collection, document.Slug);
        present.Add(key);
        var headVersion = stored is { } all ? all.GetValueOrDefault(key)?.HeadVersion : heads?.GetValueOrDefault(key)?.HeadVersion;
        var result = ImportPlan.Skipped(document, headVersion);
        results.Add(result);
        if (document.Stamp is { } stamp && headVersion is not null)
        {
            stamps.Add((key.Collection, key.Slug, document.ContentHash, stamp));
        }

        return result;
    }

    public async Task<ImportReport> CompleteAsync(ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        while (pending.Count > 0)
        {
            await WriteNextAsync(cancellationToken);
        }

        if (options.RemoveMissing || !options.Unread.IsEmpty)
        {
            foreach (var missing in ImportPlan.Missing(await StoredAsync(cancellationToken), present, options.Unread, options.RemoveMissing))
            {
                await writer.WriteAsync(missing, null, cancellationToken);
                results.Add(missing.Result);
            }
        }

        foreach (var (collection, slug, contentHash, stamp) in stamps)
        {
            await writer.RecordStampAsync(collection, slug, contentHash, stamp, importedAt, cancellationToken);
        }

        // The listing's digest is recorded for the next import to compare; one that wrote without a listing forgets it.
        if (options.ListingDigest is { } digest ? digest != listingDigest : listingDigest is not null && writer.Wrote)
        {
            await writer.RecordListingAsync(options.ListingDigest, cancellationToken);
        }

        var (changed, generation) = await writer.FinishAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        dialect.ImportCommitted();
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
        await StoredAsync(cancellationToken);
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
