using Formulary.Monographs;
using Formulary.Monographs.Loading;
using Formulary.Storage.Importing;

namespace Formulary.Storage.Publishing;

/// <summary>
/// The one way content gets into a store, used by <c>import</c>, <c>serve --content</c>, <c>dose</c>/<c>check
/// --content</c> and the tests: under the store's import lock, read each file once and hash it (unless the stamp
/// recorded when it was last read vouches that it did not change: <see cref="RecordedStamp"/>), parse only
/// what differs from the stored newest version, run the cross-document checks over every document (stored
/// links for unchanged ones) and the rules against their monograph, and import in one transaction, each
/// document written as it is read (a bounded number read ahead), so memory does not grow with the folder.
/// Both entry points therefore store the same model and the same diagnostics. Paths are stored relative
/// to the content root (<see cref="SourcePaths"/>).
/// </summary>
public static class ContentPublisher
{
    public static async Task<PublishReport> PublishAsync(
        IMonographStore store,
        string path,
        PublishOptions options,
        IProgress<LoadProgress>? loadProgress = null,
        IProgress<ImportProgress>? importProgress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        // The folder is listed, and its files stamped, while the store's state loads (both take seconds at 100,000
        // documents); neither needs the store nor its lock. The stamps are waited for only when the store recorded
        // some to compare them with: a fresh import, or the first after the upgrade, stops stamping instead.
        var listing = Task.Run(() => IncrementalLoader.List(path), cancellationToken);
        using var stampsUnneeded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stamped = options.Rehash ? Task.CompletedTask : Task.Run(async () => (await listing).StampAll(stampsUnneeded.Token), stampsUnneeded.Token);
        async Task StampsAsync(bool needed)
        {
            if (!needed)
            {
                await stampsUnneeded.CancelAsync();
            }

            await stamped.ConfigureAwait(needed ? ConfigureAwaitOptions.None : ConfigureAwaitOptions.SuppressThrowing);
        }

        await using var session = await store.BeginImportAsync(cancellationToken);
        // The heads are read while the folder is still being listed, unless nothing can be confirmed.
        var reading = options.Rehash || options.AfterSave ? Task.FromResult<IReadOnlyDictionary<(Collection, string), StoredHead>?>(null) : session.ReadHeadsAsync(cancellationToken);
        ContentListing listed;
        try
        {
            listed = await listing;
        }
        catch
        {
            // The heads' read still holds the session's connection: let it finish before the session is disposed.
            await ((Task)reading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        var digest = DigestOf(listed);
        // The heads matter only under the listing the store recorded: then they decide whether the stamps are needed.
        var heads = await reading is { } recorded && session.ListingDigest == digest ? recorded : null;
        if (heads is not null)
        {
            await StampsAsync(heads.Values.Any(head => head.Stamp is not null));
            if (IncrementalLoader.Unchanged(listed, Vouching(heads)) is { } unchanged
                && (!options.Prune || unchanged.Count == heads.Values.Count(head => !head.IsRemoved)))
            {
                return await ConfirmAsync(session, listed, unchanged, loadProgress, importProgress, cancellationToken);
            }
        }

        var stored = await session.ReadStoredAsync(cancellationToken);
        if (heads is null)
        {
            await StampsAsync(stored.Values.Any(state => state.Stamp is not null));
        }

        var load = new IncrementalLoader().Load(
            listed,
            (collection, slug) => stored.TryGetValue((collection, slug), out var state) && !state.IsRemoved
                ? new StoredContent(state.ContentHash, state.ModelVersion, state.Links, options.Rehash ? null : state.Stamp) { SourcePath = state.SourcePath }
                : null,
            loadProgress);
        var root = load.ContentRoot;
        // A document whose file is there but was not read (a link leading outside, a dangling link…) keeps its stored version.
        var unread = new UnreadEntries(listed.Unread.Select(entry => SourcePaths.Relative(root, entry)));
        if (options.Prune && PruneGuard.Check(stored, load.Keys.ToHashSet(), load.HasCollectionFolders, options.Force, unread) is { } refusal)
        {
            return new PublishReport(null, load.Keys.Count, 0, SourcePaths.Relative(root, load.LooseDiagnostics), refusal) { ContentRoot = root };
        }

        // Each document is written as it is read, in the folder's order, and then let go: memory does not grow with the folder.
        var (parsed, read, done) = (0, 0, 0);
        var combinations = new Listing.CombinationLint();
        await foreach (var found in load.Documents.WithCancellation(cancellationToken))
        {
            var combination = combinations.Next(CombinationFacts(found, stored));
            var loaded = found with
            {
                SourcePath = SourcePaths.Relative(root, found.SourcePath),
                CrossDiagnostics = SourcePaths.Relative(root, combination.Count == 0 ? found.CrossDiagnostics : [.. found.CrossDiagnostics, .. combination]),
            };
            parsed += loaded.Monograph is null ? 0 : 1;
            read += loaded.Read ? 1 : 0;
            var result = await HandOverAsync(store, session, stored, root, loaded, cancellationToken);
            importProgress?.Report(new ImportProgress(++done, load.Keys.Count, result.SourcePath));
        }

        var report = await session.CompleteAsync(new ImportOptions(options.Prune) { ListingDigest = digest, Unread = unread }, cancellationToken);
        return new PublishReport(report, load.Keys.Count, parsed, SourcePaths.Relative(root, load.LooseDiagnostics), null) { ContentRoot = root, Read = read };
    }

    /// <summary>
    /// What a confirmation compares: the listing's digest (<see cref="ContentListing.Digest"/>) with the code that checks
    /// documents against each other, which is not all the parser's (<see cref="Listing.CombinationLint"/>, the import's
    /// rules for what is rejected): a build whose code differs in either assembly checks everything once more.
    /// </summary>
    private static long DigestOf(ContentListing listing)
    {
        Span<byte> values = stackalloc byte[40];
        BitConverter.TryWriteBytes(values, listing.Digest);
        typeof(ContentListing).Assembly.ManifestModule.ModuleVersionId.TryWriteBytes(values[8..]);
        typeof(ContentPublisher).Assembly.ManifestModule.ModuleVersionId.TryWriteBytes(values[24..]);
        return unchecked((long)System.IO.Hashing.XxHash3.HashToUInt64(values));
    }

    /// <summary>
    /// A stored document's parser version and recorded stamp, for <see cref="IncrementalLoader.Unchanged"/>; null when it is
    /// removed, or its head is rejected: the checks over all documents take an unread document's title and links from its
    /// published version (<see cref="CombinationFacts"/>) but a read one's from its parse, so while a head is rejected the
    /// same folder's findings can differ from the last import's, and only a full check says.
    /// </summary>
    private static Func<Collection, string, (int, RecordedStamp?)?> Vouching(IReadOnlyDictionary<(Collection, string), StoredHead> heads) =>
        (collection, slug) => heads.TryGetValue((collection, slug), out var head) && !head.IsRemoved && !head.HeadRejected ? (head.ModelVersion, head.Stamp) : null;

    /// <summary>
    /// An import of the listing the store last imported, in which no file changed and no head is rejected: every document
    /// is reported unchanged and nothing is read, checked or written. Under the same listing, with the same files, each
    /// document's findings are those stored (<see cref="DigestOf"/>); the stored states, which checking them again would
    /// need, are not read (ADR 0003, "Nothing changed").
    /// </summary>
    private static async Task<PublishReport> ConfirmAsync(
        IImportSession session, ContentListing listing, IReadOnlyList<(Collection Collection, string Slug, string SourcePath)> unchanged,
        IProgress<LoadProgress>? loadProgress, IProgress<ImportProgress>? importProgress, CancellationToken cancellationToken)
    {
        var root = IncrementalLoader.ContentRoot(listing);
        SkipAll(session, root, unchanged, loadProgress, importProgress);
        var report = await session.CompleteAsync(new ImportOptions(RemoveMissing: false) { ListingDigest = session.ListingDigest }, cancellationToken);
        return new PublishReport(report, unchanged.Count, 0, SourcePaths.Relative(root, IncrementalLoader.LooseDiagnostics(listing)), null) { ContentRoot = root, Read = 0, Confirmed = true };
    }

    private static void SkipAll(
        IImportSession session, string root, IReadOnlyList<(Collection Collection, string Slug, string SourcePath)> unchanged,
        IProgress<LoadProgress>? loadProgress, IProgress<ImportProgress>? importProgress)
    {
        var done = 0;
        foreach (var (collection, slug, file) in unchanged)
        {
            var path = SourcePaths.Relative(root, file);
            loadProgress?.Report(new LoadProgress(++done, unchanged.Count, file));
            session.Skip(new SkippedDocument(collection, slug, path, string.Empty));
            importProgress?.Report(new ImportProgress(done, unchanged.Count, path));
        }
    }

    /// <summary>
    /// A parsed document is written; an unchanged one is skipped, unless its cross-document findings changed or its
    /// stored version is rejected (then its stored model is written again with the new findings).
    /// </summary>
    private static async Task<ImportedDocument> HandOverAsync(
        IMonographStore store, IImportSession session, IReadOnlyDictionary<(Collection, string), StoredState> stored, string root, LoadedDocument loaded,
        CancellationToken cancellationToken)
    {
        var crossKey = CrossDiagnostics.Key(loaded.CrossDiagnostics);
        if (loaded.Monograph is { } parsed)
        {
            var monograph = SourcePaths.Relative(root, parsed);
            var document = new ImportDocument(monograph with { Diagnostics = [.. monograph.Diagnostics, .. loaded.CrossDiagnostics] }, loaded.SourceText!)
            {
                ContentHash = loaded.ContentHash,
                CrossKey = crossKey,
                Rules = SourcePaths.Relative(root, loaded.Rules),
                Stamp = loaded.Stamp,
            };
            return await session.WriteAsync(document, cancellationToken);
        }

        var state = stored[(loaded.Collection, loaded.Slug)];
        return state.CrossKey == crossKey && !state.HeadRejected
            ? session.Skip(new SkippedDocument(loaded.Collection, loaded.Slug, loaded.SourcePath, loaded.ContentHash) { Stamp = loaded.Stamp })
            : await session.WriteAsync(await FromStoreAsync(store, state, loaded, crossKey, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// What the combination check needs of a document: from its parse, or the stored title and links of an
    /// unchanged one (which is not parsed).
    /// </summary>
    private static (Collection, string, string, string, bool) CombinationFacts(LoadedDocument document, IReadOnlyDictionary<(Collection, string), StoredState> stored)
    {
        if (document.Monograph is { } monograph)
        {
            return (document.Collection, document.Slug, monograph.Title, document.SourcePath, monograph.FrontMatter.Ingredients.Count > 0);
        }

        var state = stored[(document.Collection, document.Slug)];
        return (document.Collection, document.Slug, state.Title, document.SourcePath, state.Links.Any(l => l.Field == "ingredients"));
    }

    /// <summary>
    /// An unchanged file whose cross-document findings changed (a link target appeared or went) or whose
    /// stored version is rejected (its diagnostics must be shown again): the stored model, with the new findings.
    /// </summary>
    private static async Task<ImportDocument> FromStoreAsync(
        IMonographStore store, StoredState state, LoadedDocument loaded, string crossKey, CancellationToken cancellationToken)
    {
        var head = await store.GetVersionAsync(state.Collection, state.Slug, state.HeadVersion, cancellationToken)
            ?? throw new InvalidOperationException($"stored version {state.HeadVersion} of {state.Slug} is missing");
        var own = head.Monograph.Diagnostics.Where(d => !CrossDiagnostics.IsCross(d));
        return new ImportDocument(head.Monograph with { Diagnostics = [.. own, .. loaded.CrossDiagnostics] }, head.SourceText)
        {
            ContentHash = state.ContentHash,
            ModelVersion = state.ModelVersion,
            CrossKey = crossKey,
            Rules = head.Rules,
            Stamp = loaded.Stamp,
        };
    }
}
