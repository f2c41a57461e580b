using Formulary.Monographs;

namespace Formulary.Storage.Importing;

/// <summary>
/// Decides, for every store alike, what an import does, comparing each document with the stored
/// newest version (published or rejected): same content hash, parser version, cross-document findings
/// and status → unchanged; same content and status otherwise → refreshed in place; anything else →
/// the next version number, published or (with errors of its own) rejected. One document at a time, as an
/// import streams them; at the end, stored documents absent from a whole-content-set import are removed.
/// Failed and skipped documents count as present.
/// </summary>
internal static class ImportPlan
{
    public static ImportStep For(PreparedDocument prepared, StoredState? previous)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var document = prepared.Document;
        if (prepared.FailureReason is not null)
        {
            return new ImportStep(Result(document, ImportOutcome.Failed, null, prepared.FailureReason), ImportStepKind.Nothing, null, previous);
        }

        var live = previous is { IsRemoved: false };
        if (live && previous!.ContentHash == document.ContentHash && previous.HeadRejected == prepared.Rejected)
        {
            var same = previous.ModelVersion == document.ModelVersion && previous.CrossKey == document.CrossKey;
            var outcome = prepared.Rejected ? ImportOutcome.Rejected : same ? ImportOutcome.Unchanged : ImportOutcome.Reparsed;
            return new ImportStep(
                Result(document, outcome, previous.HeadVersion, prepared.Rejected ? Rejection(previous) : null),
                same ? ImportStepKind.Nothing : ImportStepKind.Refresh, same ? null : document, previous);
        }

        var version = (previous?.HeadVersion ?? 0) + 1;
        if (prepared.Rejected)
        {
            return new ImportStep(Result(document, ImportOutcome.Rejected, version, Rejection(previous)), ImportStepKind.Reject, document, previous);
        }

        var added = !live || previous!.PublishedVersion == 0;
        return new ImportStep(Result(document, added ? ImportOutcome.Added : ImportOutcome.Changed, version, null), ImportStepKind.Publish, document, previous);
    }

    /// <param name="headVersion">The stored document's head version; null when the store holds none.</param>
    public static ImportedDocument Skipped(SkippedDocument document, int? headVersion)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new ImportedDocument(document.Collection, document.Slug, document.SourcePath, ImportOutcome.Unchanged, headVersion, null, []);
    }

    /// <summary>
    /// The stored documents absent from the import: those whose file is there but was not read (<paramref name="unread"/>)
    /// are reported failed and kept; the others are marked removed when <paramref name="remove"/> (a whole content set).
    /// </summary>
    /// <param name="present">Every document of the import, written, skipped or failed.</param>
    public static IEnumerable<ImportStep> Missing(
        IReadOnlyDictionary<(Collection, string), StoredState> stored, IReadOnlySet<(Collection, string)> present, UnreadEntries unread, bool remove) =>
        stored.Values.Where(s => !s.IsRemoved && !present.Contains((s.Collection, s.Slug)) && (remove || unread.Covers(s.SourcePath)))
            .OrderBy(s => s.Collection).ThenBy(s => s.Slug, StringComparer.Ordinal)
            .Select(gone => unread.Covers(gone.SourcePath)
                ? new ImportStep(
                    new ImportedDocument(gone.Collection, gone.Slug, gone.SourcePath, ImportOutcome.Failed, gone.HeadVersion,
                        "its file is there but was not read (see the finding on it); the stored version is kept", []), ImportStepKind.Nothing, null, gone)
                : new ImportStep(
                    new ImportedDocument(gone.Collection, gone.Slug, gone.SourcePath, ImportOutcome.Removed, gone.PublishedVersion, null, []), ImportStepKind.Remove, null, gone));

    private static string Rejection(StoredState? previous) =>
        previous is { PublishedVersion: > 0, IsRemoved: false }
            ? $"not published: it has errors; readers still see version {previous.PublishedVersion}"
            : "not published: it has errors";

    private static ImportedDocument Result(ImportDocument document, ImportOutcome outcome, int? version, string? failure) =>
        new(document.Monograph.Collection, document.Monograph.Slug, document.Monograph.SourcePath, outcome, version, failure, document.Monograph.Diagnostics);
}
