namespace Formulary.Storage.Feedback;

/// <summary>The two outcomes CDS Hooks 2.0 defines for a card.</summary>
public enum FeedbackOutcome
{
    Accepted,
    Overridden,
}
