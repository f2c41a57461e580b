using System.Text.Json;
using Formulary.Storage;
using Formulary.Storage.Feedback;

namespace Formulary.Cli.Tests.Commands;

/// <summary><c>cds-feedback</c> prints the store's CDS Hooks feedback per kind of card, as a table and as JSON, without comments.</summary>
public sealed class FeedbackCommandTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CdsFeedback_RecordedCardsAndFeedback_TableAndJsonCountThem()
    {
        var content = new TestContent();
        var dose = Guid.Parse("3c1d2f00-0000-4000-8000-000000000001");
        var contraindicated = Guid.Parse("3c1d2f00-0000-4000-8000-000000000002");
        await using (var store = await StoreLocation.OpenAsync(content.Database, TimeProvider.System))
        {
            var feedback = (ICardFeedbackStore)store;
            await feedback.RecordCardsAsync(
            [
                new IssuedCard(dose, "formulary-dose-check", "dose-change", "warning", "clofarabine", At),
                new IssuedCard(contraindicated, "formulary-dose-check", "contraindicated", "critical", "clofarabine", At),
            ]);
            await feedback.RecordFeedbackAsync(
            [
                new CardFeedback(dose, "formulary-dose-check", FeedbackOutcome.Accepted, [], null, null, At.AddMinutes(1), At.AddMinutes(2)),
                new CardFeedback(contraindicated, "formulary-dose-check", FeedbackOutcome.Overridden, [], new("urn:x", "benefit-outweighs-risk", "Benefit outweighs the risk"), "SECRET-COMMENT", At.AddMinutes(1), At.AddMinutes(2)),
            ]);
        }

        var (exit, table, _) = CliRun.Run("cds-feedback", "--db", content.Database);
        var (jsonExit, json, _) = CliRun.Run("cds-feedback", "--db", content.Database, "--json");

        Assert.Equal((0, 0), (exit, jsonExit));
        Assert.Contains("Contraindicated for this patient (contraindicated)", table, StringComparison.Ordinal);
        Assert.Contains("1 (100%)", table, StringComparison.Ordinal);
        Assert.Contains("Benefit outweighs the risk: 1", table, StringComparison.Ordinal);
        Assert.Contains("1 accepted, 1 overridden.", table, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-COMMENT", table + json, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(json);
        var change = Assert.Single(report.RootElement.GetProperty("kinds").EnumerateArray(), k => k.GetProperty("kind").GetString() == "dose-change");
        Assert.Equal((1, 1), (change.GetProperty("issued").GetInt32(), change.GetProperty("accepted").GetInt32()));
    }
}
