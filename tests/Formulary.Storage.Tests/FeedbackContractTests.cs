using Formulary.Storage.Feedback;
using Microsoft.Extensions.Time.Testing;

namespace Formulary.Storage.Tests;

/// <summary>
/// The CDS Hooks card record and feedback every store keeps (<see cref="ICardFeedbackStore"/>): counted per
/// kind of card, retries not counted twice, feedback about a card the store never issued kept as "unknown".
/// Run against SQLite and PostgreSQL by the subclasses.
/// </summary>
public abstract class FeedbackContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid DoseCard = Guid.Parse("0b6f7c1e-1111-4a3b-9c2d-000000000001");
    private static readonly Guid OtherDoseCard = Guid.Parse("0b6f7c1e-1111-4a3b-9c2d-000000000002");
    private static readonly Guid ContraindicatedCard = Guid.Parse("0b6f7c1e-1111-4a3b-9c2d-000000000003");
    private static readonly Guid NeverIssued = Guid.Parse("0b6f7c1e-1111-4a3b-9c2d-0000000000ff");
    private static readonly OverrideReasonCode Benefit = new("urn:formulary:cds-hooks:override-reason", "benefit-outweighs-risk", "Benefit outweighs the risk");

    private IMonographStore store = null!;

    private ICardFeedbackStore Feedback => (ICardFeedbackStore)store;

    public async Task InitializeAsync() => store = await CreateStoreAsync(new FakeTimeProvider(Issued));

    public async Task DisposeAsync()
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }
    }

    protected abstract Task<IMonographStore> CreateStoreAsync(TimeProvider time);

    [SkippableFact]
    public async Task Summarize_NothingRecorded_IsEmpty()
    {
        var summary = await Feedback.SummarizeFeedbackAsync();

        Assert.Empty(summary.Kinds);
        Assert.Equal((0L, 0L), (summary.Accepted, summary.Overridden));
    }

    [SkippableFact]
    public async Task Summarize_CardsAndFeedback_CountsPerKindAndIndicatorWithReasons()
    {
        await Feedback.RecordCardsAsync(
        [
            Card(DoseCard, "dose", "warning"),
            Card(OtherDoseCard, "dose", "warning"),
            Card(Guid.Parse("0b6f7c1e-1111-4a3b-9c2d-000000000004"), "dose", "info"),
            Card(ContraindicatedCard, "contraindicated", "critical"),
        ]);

        var added = await Feedback.RecordFeedbackAsync(
        [
            Entry(DoseCard, FeedbackOutcome.Accepted, accepted: [Guid.Parse("0b6f7c1e-1111-4a3b-9c2d-0000000000aa")]),
            Entry(OtherDoseCard, FeedbackOutcome.Overridden, reason: null),
            Entry(ContraindicatedCard, FeedbackOutcome.Overridden, reason: Benefit, comment: "Discussed with oncology"),
            Entry(ContraindicatedCard, FeedbackOutcome.Overridden, reason: Benefit, at: Issued.AddMinutes(5)),
        ]);

        var summary = await Feedback.SummarizeFeedbackAsync();

        Assert.Equal(4, added);
        var warningDose = Assert.Single(summary.Kinds, k => k.Kind == "dose" && k.Indicator == "warning");
        Assert.Equal((2L, 1L, 1L), (warningDose.Issued, warningDose.Accepted, warningDose.Overridden));
        Assert.Equal(50.0m, warningDose.AcceptedPercent);
        var noReason = Assert.Single(warningDose.Reasons);
        Assert.Equal((null, 1L), (noReason.Code, noReason.Count));

        var infoDose = Assert.Single(summary.Kinds, k => k.Kind == "dose" && k.Indicator == "info");
        Assert.Equal((1L, 0L, 0L), (infoDose.Issued, infoDose.Accepted, infoDose.Overridden));
        Assert.Null(infoDose.AcceptedPercent);

        var contraindicated = Assert.Single(summary.Kinds, k => k.Kind == "contraindicated");
        Assert.Equal((1L, 0L, 2L), (contraindicated.Issued, contraindicated.Accepted, contraindicated.Overridden));
        Assert.Equal(100.0m, contraindicated.OverriddenPercent);
        var reason = Assert.Single(contraindicated.Reasons);
        Assert.Equal(("benefit-outweighs-risk", "Benefit outweighs the risk", 2L), (reason.Code, reason.Display, reason.Count));
        Assert.Equal((1L, 3L), (summary.Accepted, summary.Overridden));
    }

    [SkippableFact]
    public async Task Record_RetriedCallsAndFeedback_AreNotCountedTwice()
    {
        await Feedback.RecordCardsAsync([Card(DoseCard, "dose", "warning")]);
        await Feedback.RecordCardsAsync([Card(DoseCard, "dose", "warning")]);
        var first = await Feedback.RecordFeedbackAsync([Entry(DoseCard, FeedbackOutcome.Accepted)]);
        var retried = await Feedback.RecordFeedbackAsync([Entry(DoseCard, FeedbackOutcome.Accepted)]);

        var dose = Assert.Single((await Feedback.SummarizeFeedbackAsync()).Kinds);

        Assert.Equal((1, 0), (first, retried));
        Assert.Equal((1L, 1L), (dose.Issued, dose.Accepted));
    }

    [SkippableFact]
    public async Task Summarize_FeedbackOnACardNeverIssued_IsKeptAsUnknown()
    {
        await Feedback.RecordFeedbackAsync([Entry(NeverIssued, FeedbackOutcome.Overridden, reason: new(null, "not-relevant", null))]);

        var unknown = Assert.Single((await Feedback.SummarizeFeedbackAsync()).Kinds);

        Assert.Equal(FeedbackSummary.UnknownKind, unknown.Kind);
        Assert.Null(unknown.Indicator);
        Assert.Equal((0L, 1L), (unknown.Issued, unknown.Overridden));
        Assert.Equal("not-relevant", Assert.Single(unknown.Reasons).Code);
    }

    [SkippableFact]
    public async Task RecordFeedback_CommentWithANulCharacter_IsKeptOnBothStores()
    {
        var added = await Feedback.RecordFeedbackAsync([Entry(DoseCard, FeedbackOutcome.Overridden, comment: "pasted\0text")]);

        Assert.Equal(1, added);
        Assert.Equal(1L, Assert.Single((await Feedback.SummarizeFeedbackAsync()).Kinds).Overridden);
    }

    private static IssuedCard Card(Guid uuid, string kind, string indicator) =>
        new(uuid, "formulary-order-sign", kind, indicator, "clofarabine", Issued);

    private static CardFeedback Entry(
        Guid card, FeedbackOutcome outcome, OverrideReasonCode? reason = null, string? comment = null, DateTimeOffset? at = null, IReadOnlyList<Guid>? accepted = null) =>
        new(card, "formulary-order-sign", outcome, accepted ?? [], reason, comment, at ?? Issued.AddMinutes(1), Issued.AddMinutes(2));
}
