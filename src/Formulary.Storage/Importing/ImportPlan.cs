using Formulary.Monographs;

namespace Formulary.Storage.Importing;

/// <summary>
/// Decides, for every store alike, what an import does, comparing each document with the stored
/// newest version (published or rejected): same content hash, parser version, cross-document findings
/// and status → unchanged; same content and status otherwise → refreshed in place; anything else →
/// the next version number, published or (with errors of its own) rejected. Stored documents absent
/// from a whole-content-set import are removed. Failed and skipped documents count as present.
/// </summary>
internal static class ImportPlan
{
    public static IReadOnlyList<ImportStep> Create(
        IReadOnlyList<PreparedDocument> documents,
        IReadOnlyList<SkippedDocument> skipped,
        IReadOnlyDictionary<(Collection, string), StoredState> stored,
        bool removeMissing)
    {
        var steps = new List<ImportStep>(documents.Count + skipped.Count);
        var seen = new HashSet<(Collection, string)>();
        foreach (var prepared in documents)
        {
            var document = prepared.Document;
            var monograph = document.Monograph;
            var key = (monograph.Collection, monograph.Slug);
            seen.Add(key);
            var previous = stored.GetValueOrDefault(key);
            if (prepared.FailureReason is not null)
            {
                steps.Add(new ImportStep(Result(document, ImportOutcome.Failed, null, prepared.FailureReason), ImportStepKind.Nothing, null, previous));
                continue;
            }

            var live = previous is { IsRemoved: false };
            if (live && previous!.ContentHash == document.ContentHash && previous.HeadRejected == prepared.Rejected)
            {
                var same = previous.ModelVersion == document.ModelVersion && previous.CrossKey == document.CrossKey;
                var outcome = prepared.Rejected ? ImportOutcome.Rejected : same ? ImportOutcome.Unchanged : ImportOutcome.Reparsed;
                steps.Add(new ImportStep(
                    Result(document, outcome, previous.HeadVersion, prepared.Rejected ? Rejection(previous) : null),
                    same ? ImportStepKind.Nothing : ImportStepKind.Refresh, same ? null : document, previous));
                continue;
            }

            var version = (previous?.HeadVersion ?? 0) + 1;
            if (prepared.Rejected)
            {
                steps.Add(new ImportStep(Result(document, ImportOutcome.Rejected, version, Rejection(previous)), ImportStepKind.Reject, document, previous));
            }
            else
            {
                var outcome = !live || previous!.PublishedVersion == 0 ? ImportOutcome.Added : ImportOutcome.Changed;
                steps.Add(new ImportStep(Result(document, outcome, version, null), ImportStepKind.Publish, document, previous));
            }
        }

        foreach (var document in skipped)
        {
            seen.Add((document.Collection, document.Slug));
            var previous = stored.GetValueOrDefault((document.Collection, document.Slug));
            var result = new ImportedDocument(document.Collection, document.Slug, document.SourcePath, ImportOutcome.Unchanged, previous?.HeadVersion, null, []);
            steps.Add(new ImportStep(result, ImportStepKind.Nothing, null, previous));
        }

        if (removeMissing)
        {
            foreach (var gone in stored.Values.Where(s => !s.IsRemoved && !seen.Contains((s.Collection, s.Slug))).OrderBy(s => s.Collection).ThenBy(s => s.Slug, StringComparer.Ordinal))
            {
                var result = new ImportedDocument(gone.Collection, gone.Slug, gone.SourcePath, ImportOutcome.Removed, gone.PublishedVersion, null, []);
                steps.Add(new ImportStep(result, ImportStepKind.Remove, null, gone));
            }
        }

        return steps;
    }

    private static string Rejection(StoredState? previous) =>
        previous is { PublishedVersion: > 0, IsRemoved: false }
            ? $"not published: it has errors; readers still see version {previous.PublishedVersion}"
            : "not published: it has errors";

    private static ImportedDocument Result(ImportDocument document, ImportOutcome outcome, int? version, string? failure) =>
        new(document.Monograph.Collection, document.Monograph.Slug, document.Monograph.SourcePath, outcome, version, failure, document.Monograph.Diagnostics);
}
