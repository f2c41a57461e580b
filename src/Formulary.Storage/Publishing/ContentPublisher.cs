using Formulary.Monographs;
using Formulary.Monographs.Loading;
using Formulary.Storage.Importing;

namespace Formulary.Storage.Publishing;

/// <summary>
/// The one way content gets into a store, used by <c>import</c>, <c>serve --content</c>, <c>dose</c>/<c>check
/// --content</c> and the tests: under the store's import lock, read each file once and hash it, parse only
/// what differs from the stored newest version, run the cross-document checks over every document (stored
/// links for unchanged ones) and the rules against their monograph, then import in one transaction.
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
        // The folder is listed while the store's state loads (both take seconds at 100,000 documents); the
        // listing needs neither the store nor its lock.
        var listing = Task.Run(() => IncrementalLoader.List(path), cancellationToken);
        await using var session = await store.BeginImportAsync(cancellationToken);
        var stored = session.Stored;
        var load = new IncrementalLoader().Load(
            await listing,
            (collection, slug) => stored.TryGetValue((collection, slug), out var state) && !state.IsRemoved
                ? new StoredContent(state.ContentHash, state.ModelVersion, state.Links)
                : null,
            loadProgress,
            cancellationToken);
        if (options.Prune)
        {
            var present = load.Documents.Select(d => (d.Collection, d.Slug)).ToHashSet();
            if (PruneGuard.Check(stored, present, load.HasCollectionFolders, options.Force) is { } refusal)
            {
                return new PublishReport(null, load.Documents.Count, load.Parsed, SourcePaths.Relative(load.ContentRoot, load.LooseDiagnostics), refusal) { ContentRoot = load.ContentRoot };
            }
        }

        var documents = new List<ImportDocument>();
        var skipped = new List<SkippedDocument>();
        var root = load.ContentRoot;
        var combinations = CombinationFindings(load, stored);
        foreach (var found in load.Documents)
        {
            var loaded = found with
            {
                SourcePath = SourcePaths.Relative(root, found.SourcePath),
                CrossDiagnostics = SourcePaths.Relative(root, [.. found.CrossDiagnostics, .. combinations[found.SourcePath]]),
            };
            var crossKey = CrossDiagnostics.Key(loaded.CrossDiagnostics);
            if (loaded.Monograph is { } parsed)
            {
                var monograph = SourcePaths.Relative(root, parsed);
                documents.Add(new ImportDocument(monograph with { Diagnostics = [.. monograph.Diagnostics, .. loaded.CrossDiagnostics] }, loaded.SourceText!)
                {
                    ContentHash = loaded.ContentHash,
                    CrossKey = crossKey,
                    Rules = SourcePaths.Relative(root, loaded.Rules),
                });
                continue;
            }

            var state = stored[(loaded.Collection, loaded.Slug)];
            if (state.CrossKey == crossKey && !state.HeadRejected)
            {
                skipped.Add(new SkippedDocument(loaded.Collection, loaded.Slug, loaded.SourcePath, loaded.ContentHash));
            }
            else
            {
                documents.Add(await FromStoreAsync(store, state, loaded, crossKey, cancellationToken));
            }
        }

        var report = await session.ImportAsync(documents, skipped, new ImportOptions(options.Prune), importProgress, cancellationToken);
        return new PublishReport(report, load.Documents.Count, load.Parsed, SourcePaths.Relative(root, load.LooseDiagnostics), null) { ContentRoot = root };
    }

    /// <summary>
    /// The combination check over every document of the folder, with the stored title and links of the
    /// unchanged ones (which are not parsed), keyed by the path as loaded.
    /// </summary>
    private static ILookup<string, Monographs.Diagnostics.Diagnostic> CombinationFindings(
        IncrementalLoad load, IReadOnlyDictionary<(Collection, string), StoredState> stored) =>
        Listing.CombinationLint.Run([.. load.Documents.Select(d => d.Monograph is { } m
                ? (d.Collection, d.Slug, m.Title, d.SourcePath, m.FrontMatter.Ingredients.Count > 0)
                : Unchanged(d, stored[(d.Collection, d.Slug)]))])
            .ToLookup(d => d.File, StringComparer.Ordinal);

    private static (Collection, string, string, string, bool) Unchanged(LoadedDocument document, StoredState state) =>
        (document.Collection, document.Slug, state.Title, document.SourcePath, state.Links.Any(l => l.Field == "ingredients"));

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
        };
    }
}
