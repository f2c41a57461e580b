namespace Formulary.Storage.Feedback;

/// <summary>The override reason the user picked (a Coding: one of the card's <c>overrideReasons</c>, or the client's own).</summary>
public sealed record OverrideReasonCode(string? System, string Code, string? Display);
