namespace Formulary.Storage.Importing;

/// <summary>
/// One decided step of an import: the result to report and what to write (<see cref="Kind"/>):
/// <see cref="Write"/> as version <see cref="ImportedDocument.Version"/> (published or rejected), the same
/// version's model refreshed in place, or the stored document marked removed. <see cref="Previous"/> is the stored state before.
/// </summary>
internal sealed record ImportStep(ImportedDocument Result, ImportStepKind Kind, ImportDocument? Write, StoredState? Previous);

internal enum ImportStepKind
{
    Nothing,
    Publish,
    Reject,
    Refresh,
    Remove,
}
