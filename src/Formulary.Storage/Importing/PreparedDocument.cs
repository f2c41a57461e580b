namespace Formulary.Storage.Importing;

/// <summary>A document after the store's checks: <see cref="FailureReason"/> is null when it may be written.</summary>
internal sealed record PreparedDocument(ImportDocument Document, string? FailureReason);
