namespace Formulary.Storage.Feedback;

/// <summary>
/// What happened to the CDS Hooks cards Formulary issued (CDS Hooks 2.0 §Feedback), kept in the store so
/// that every node of a site reads and writes the same record. Implemented by the relational stores beside
/// <see cref="IMonographStore"/>; no patient identifier is ever stored, only what the card was about.
/// </summary>
public interface ICardFeedbackStore
{
    /// <summary>Records issued cards; a card already recorded (the same uuid: a retried hook call) is left alone.</summary>
    Task RecordCardsAsync(IReadOnlyList<IssuedCard> cards, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records feedback entries; an entry already recorded (same card, outcome and outcome time: a retried
    /// feedback call) is left alone. Returns how many entries were new.
    /// </summary>
    Task<int> RecordFeedbackAsync(IReadOnlyList<CardFeedback> feedback, CancellationToken cancellationToken = default);

    /// <summary>Accept and override counts and override reasons per kind of card, over everything recorded.</summary>
    Task<FeedbackSummary> SummarizeFeedbackAsync(CancellationToken cancellationToken = default);
}
