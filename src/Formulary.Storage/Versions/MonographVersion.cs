namespace Formulary.Storage.Versions;

/// <summary>
/// One stored version of a document. <see cref="Number"/> starts at 1; <see cref="ImportedAt"/> comes
/// from the store's <see cref="TimeProvider"/>; <see cref="IsLatest"/> marks the version shown today
/// (the newest published one; a rejected version is never shown).
/// </summary>
public sealed record MonographVersion(int Number, string ContentHash, DateTimeOffset ImportedAt, string SourcePath, bool IsLatest)
{
    /// <summary>The version had errors of its own and was never published (kept for the editor, with its diagnostics).</summary>
    public bool IsRejected { get; init; }
}
