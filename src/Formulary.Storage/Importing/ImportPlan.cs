using Formulary.Monographs;

namespace Formulary.Storage.Importing;

/// <summary>
/// Decides, for every store alike, what an import does: unchanged when the content hash equals the
/// latest live version's and its model came from the same parser version (re-parsed in place when the
/// parser version differs), otherwise the next version number; stored documents absent from a
/// whole-content-set import are removed. Failed documents count as present (their stored version stays).
/// </summary>
internal static class ImportPlan
{
    public static IReadOnlyList<ImportStep> Create(
        IReadOnlyList<PreparedDocument> documents, IReadOnlyDictionary<(Collection, string), StoredState> stored, bool removeMissing)
    {
        var steps = new List<ImportStep>(documents.Count);
        var seen = new HashSet<(Collection, string)>();
        foreach (var prepared in documents)
        {
            var monograph = prepared.Document.Monograph;
            var key = (monograph.Collection, monograph.Slug);
            seen.Add(key);
            var previous = stored.GetValueOrDefault(key);
            if (prepared.FailureReason is not null)
            {
                steps.Add(new ImportStep(Result(prepared.Document, ImportOutcome.Failed, null, prepared.FailureReason), null, false, previous));
            }
            else if (previous is { IsRemoved: false } && previous.ContentHash == monograph.ContentHash)
            {
                var reparse = previous.ModelVersion != prepared.Document.ModelVersion;
                var outcome = reparse ? ImportOutcome.Reparsed : ImportOutcome.Unchanged;
                steps.Add(new ImportStep(Result(prepared.Document, outcome, previous.LatestVersion, null), reparse ? prepared.Document : null, false, previous));
            }
            else
            {
                var outcome = previous is null || previous.IsRemoved ? ImportOutcome.Added : ImportOutcome.Changed;
                var version = (previous?.LatestVersion ?? 0) + 1;
                steps.Add(new ImportStep(Result(prepared.Document, outcome, version, null), prepared.Document, false, previous));
            }
        }

        if (removeMissing)
        {
            foreach (var gone in stored.Values.Where(s => !s.IsRemoved && !seen.Contains((s.Collection, s.Slug))).OrderBy(s => s.Collection).ThenBy(s => s.Slug, StringComparer.Ordinal))
            {
                var result = new ImportedDocument(gone.Collection, gone.Slug, gone.SourcePath, ImportOutcome.Removed, gone.LatestVersion, null, []);
                steps.Add(new ImportStep(result, null, true, gone));
            }
        }

        return steps;
    }

    private static ImportedDocument Result(ImportDocument document, ImportOutcome outcome, int? version, string? failure) =>
        new(document.Monograph.Collection, document.Monograph.Slug, document.Monograph.SourcePath, outcome, version, failure, document.Monograph.Diagnostics);
}
