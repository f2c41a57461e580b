using Formulary.Storage.Feedback;

namespace Formulary.Web.CdsHooks.Feedback;

/// <summary>The feedback summary as the page and the API show it (camelCase JSON): totals, then one row per kind of card.</summary>
public sealed record FeedbackReport(long Accepted, long Overridden, long UnrecordedCards, IReadOnlyList<FeedbackReportRow> Kinds)
{
    public static FeedbackReport From(FeedbackSummary summary, long unrecordedCards)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Accepted, summary.Overridden, unrecordedCards, [.. summary.Kinds
            .OrderByDescending(k => k.Answered).ThenByDescending(k => k.Issued).ThenBy(k => k.Kind, StringComparer.Ordinal)
            .Select(k => new FeedbackReportRow(k.Kind, CardKinds.Label(k.Kind), k.Indicator, k.Issued, k.Accepted, k.Overridden, k.AcceptedPercent, k.OverriddenPercent, k.Reasons))]);
    }
}

/// <summary>One kind of card: <see cref="AcceptedPercent"/> and <see cref="OverriddenPercent"/> are shares of the feedback received (null with none).</summary>
public sealed record FeedbackReportRow(
    string Kind, string Label, string? Indicator, long Issued, long Accepted, long Overridden, decimal? AcceptedPercent, decimal? OverriddenPercent, IReadOnlyList<OverrideReasonCount> Reasons);
