namespace Formulary.Storage.Importing;

public enum ImportOutcome
{
    /// <summary>New document (or one that had been removed and is back): version 1 or the next version.</summary>
    Added,

    /// <summary>Content hash differs from the latest version: stored as a new version.</summary>
    Changed,

    /// <summary>Same content hash as the latest version: nothing written.</summary>
    Unchanged,

    /// <summary>
    /// Same content hash, but the stored model came from another parser version (a Formulary upgrade)
    /// or its cross-document findings changed: the latest version's model and search entry are replaced
    /// in place; no new version (the source did not change).
    /// </summary>
    Reparsed,

    /// <summary>Stored before, absent from a whole-content-set import: marked removed, history kept.</summary>
    Removed,

    /// <summary>Not accepted (see <see cref="ImportedDocument.FailureReason"/>); any stored version is left as it was.</summary>
    Failed,

    /// <summary>
    /// Read, but it has error diagnostics: kept as a rejected version (history and diagnostics), never
    /// published; the published version, if any, stays what readers see.
    /// </summary>
    Rejected,
}
