namespace Formulary.Storage.Importing;

/// <summary>
/// A document after the store's checks: <see cref="FailureReason"/> is null when it may be written;
/// <see cref="Rejected"/> when it has errors of its own, so it is stored as a rejected version.
/// </summary>
internal sealed record PreparedDocument(ImportDocument Document, string? FailureReason, bool Rejected);
