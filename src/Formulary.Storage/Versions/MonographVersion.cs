namespace Formulary.Storage.Versions;

/// <summary>
/// One stored version of a document. <see cref="Number"/> starts at 1; <see cref="ImportedAt"/> comes
/// from the store's <see cref="TimeProvider"/>; <see cref="IsLatest"/> marks the version shown today.
/// </summary>
public sealed record MonographVersion(int Number, string ContentHash, DateTimeOffset ImportedAt, string SourcePath, bool IsLatest);
