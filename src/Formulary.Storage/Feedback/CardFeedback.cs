namespace Formulary.Storage.Feedback;

/// <summary>
/// One feedback entry as the client sent it: which card, accepted or overridden, the suggestions accepted,
/// the override reason and comment, when the user acted, and when Formulary received it.
/// </summary>
public sealed record CardFeedback(
    Guid Card,
    string Service,
    FeedbackOutcome Outcome,
    IReadOnlyList<Guid> AcceptedSuggestions,
    OverrideReasonCode? Reason,
    string? UserComment,
    DateTimeOffset OutcomeAt,
    DateTimeOffset ReceivedAt);
