namespace Formulary.Storage.Importing;

/// <summary>
/// One decided step of an import: the result to report and, when something must be written,
/// the document to write as version <see cref="ImportedDocument.Version"/> (<see cref="Write"/>; for
/// <see cref="ImportOutcome.Reparsed"/> it replaces that existing version's model),
/// or the stored document to mark removed (<see cref="Remove"/>). <see cref="Previous"/> is the stored state before.
/// </summary>
internal sealed record ImportStep(ImportedDocument Result, ImportDocument? Write, bool Remove, StoredState? Previous)
{
    public bool Reparse => Result.Outcome == ImportOutcome.Reparsed;
}
