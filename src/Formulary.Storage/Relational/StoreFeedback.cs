using System.Data.Common;
using Formulary.Storage.Feedback;

namespace Formulary.Storage.Relational;

/// <summary>The CDS Hooks card record and its feedback (<see cref="ICardFeedbackStore"/>): the same SQL on both stores.</summary>
internal static class StoreFeedback
{
    public static async Task RecordCardsAsync(DbConnection connection, StoreDialect dialect, IReadOnlyList<IssuedCard> cards, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var commands = new PreparedCommands(connection, transaction))
        {
            foreach (var card in cards)
            {
                await commands.ExecuteAsync(
                    """
                    INSERT INTO cds_cards (uuid, service, kind, indicator, slug, issued_at)
                    VALUES (@uuid, @service, @kind, @indicator, @slug, @issued)
                    ON CONFLICT DO NOTHING
                    """,
                    cancellationToken,
                    ("uuid", Uuid(card.Uuid)), ("service", card.Service), ("kind", card.Kind), ("indicator", card.Indicator), ("slug", card.Slug),
                    ("issued", dialect.Instant(card.IssuedAt)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<int> RecordFeedbackAsync(DbConnection connection, StoreDialect dialect, IReadOnlyList<CardFeedback> feedback, CancellationToken cancellationToken)
    {
        var added = 0;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var commands = new PreparedCommands(connection, transaction))
        {
            foreach (var entry in feedback)
            {
                added += await commands.ExecuteAsync(
                    """
                    INSERT INTO cds_feedback (card_uuid, service, outcome, accepted_suggestions, reason_system, reason_code, reason_display, user_comment, outcome_at, received_at)
                    VALUES (@card, @service, @outcome, @accepted, @system, @code, @display, @comment, @outcomeAt, @received)
                    ON CONFLICT DO NOTHING
                    """,
                    cancellationToken,
                    ("card", Uuid(entry.Card)), ("service", entry.Service), ("outcome", Outcome(entry.Outcome)),
                    ("accepted", string.Join(' ', entry.AcceptedSuggestions.Select(Uuid))),
                    ("system", entry.Reason?.System), ("code", entry.Reason?.Code), ("display", entry.Reason?.Display),
                    ("comment", entry.UserComment), ("outcomeAt", dialect.Instant(entry.OutcomeAt)), ("received", dialect.Instant(entry.ReceivedAt)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public static async Task<FeedbackSummary> SummarizeAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var kinds = new SortedDictionary<(string Kind, string Indicator), Tally>();
        Tally At(string? kind, string? indicator)
        {
            var key = (kind ?? FeedbackSummary.UnknownKind, indicator ?? string.Empty);
            return kinds.TryGetValue(key, out var tally) ? tally : kinds[key] = new Tally();
        }

        await using (var issued = StoreReads.Command(connection, "SELECT kind, indicator, count(*) FROM cds_cards GROUP BY kind, indicator"))
        await using (var reader = await issued.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                At(reader.GetString(0), reader.GetString(1)).Issued = reader.GetInt64(2);
            }
        }

        await using (var answered = StoreReads.Command(
            connection,
            """
            SELECT c.kind, c.indicator, f.outcome, f.reason_system, f.reason_code, max(f.reason_display), count(*)
            FROM cds_feedback f LEFT JOIN cds_cards c ON c.uuid = f.card_uuid
            GROUP BY c.kind, c.indicator, f.outcome, f.reason_system, f.reason_code
            """))
        await using (var reader = await answered.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var tally = At(reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
                var count = reader.GetInt64(6);
                if (reader.GetString(2) == Outcome(FeedbackOutcome.Accepted))
                {
                    tally.Accepted += count;
                    continue;
                }

                tally.Overridden += count;
                tally.Reasons.Add(new OverrideReasonCount(
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), count));
            }
        }

        return new FeedbackSummary([.. kinds.Select(k => new CardKindFeedback(
            k.Key.Kind,
            k.Key.Indicator.Length == 0 ? null : k.Key.Indicator,
            k.Value.Issued,
            k.Value.Accepted,
            k.Value.Overridden,
            [.. k.Value.Reasons.OrderByDescending(r => r.Count).ThenBy(r => r.Code, StringComparer.Ordinal)]))]);
    }

    private static string Uuid(Guid uuid) => uuid.ToString("D");

    private static string Outcome(FeedbackOutcome outcome) => outcome == FeedbackOutcome.Accepted ? "accepted" : "overridden";

    private sealed class Tally
    {
        public long Issued { get; set; }
        public long Accepted { get; set; }
        public long Overridden { get; set; }
        public List<OverrideReasonCount> Reasons { get; } = [];
    }
}
