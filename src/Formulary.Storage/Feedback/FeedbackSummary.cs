namespace Formulary.Storage.Feedback;

/// <summary>
/// Feedback per kind of card. <see cref="CardKindFeedback.Kind"/> is <see cref="UnknownKind"/> for feedback
/// about a card this store has no record of (issued by another service, or before the record was kept).
/// </summary>
public sealed record FeedbackSummary(IReadOnlyList<CardKindFeedback> Kinds)
{
    public const string UnknownKind = "unknown";

    public long Accepted => Kinds.Sum(k => k.Accepted);

    public long Overridden => Kinds.Sum(k => k.Overridden);
}

/// <summary>
/// One kind of card with one indicator: how many were issued, accepted and overridden, and the override
/// reasons given (most given first). A rate is a share of the feedback received, not of the cards issued:
/// a client need not report a card the user ignored.
/// </summary>
public sealed record CardKindFeedback(string Kind, string? Indicator, long Issued, long Accepted, long Overridden, IReadOnlyList<OverrideReasonCount> Reasons)
{
    public long Answered => Accepted + Overridden;

    /// <summary>Accepted as a share of the feedback received, in percent (one decimal); null with no feedback.</summary>
    public decimal? AcceptedPercent => Answered == 0 ? null : Math.Round(Accepted * 100m / Answered, 1, MidpointRounding.AwayFromZero);

    public decimal? OverriddenPercent => Answered == 0 ? null : 100m - AcceptedPercent;
}

/// <summary>An override reason and how often it was given; <see cref="Code"/> null for an override with no reason.</summary>
public sealed record OverrideReasonCount(string? System, string? Code, string? Display, long Count);
