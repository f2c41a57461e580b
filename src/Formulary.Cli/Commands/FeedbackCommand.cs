using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Formulary.Cli.Output;
using Formulary.Storage;
using Formulary.Storage.Feedback;
using Formulary.Web.CdsHooks.Feedback;
using Spectre.Console;

namespace Formulary.Cli.Commands;

/// <summary>
/// <c>formulary cds-feedback [--db DB] [--json]</c>: what clinicians did with the CDS Hooks cards, as their EHRs
/// reported it — the same summary as the <c>/cds-feedback/</c> page and <c>/api/cds-feedback</c> (one
/// <see cref="FeedbackReport"/>), read from the store, as a table or JSON. Counts and coded reasons only,
/// never a user's comment.
/// </summary>
internal static class FeedbackCommand
{
    public static Command Create()
    {
        var db = ImportCommand.DatabaseOption();
        var json = new Option<bool>("--json") { Description = "Write the summary as JSON (camelCase, as /api/cds-feedback)." };
        var command = new Command("cds-feedback", "Summarize the CDS Hooks feedback in the store: accepted and overridden cards and override reasons per kind of card.") { db, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var database = result.GetValue(db)!;
            var output = result.InvocationConfiguration.Output;
            if (ImportCommand.MissingStore(database) is { } missing)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync(missing);
                return FormularyCli.ExitErrors;
            }

            FeedbackReport report;
            try
            {
                await using var store = await StoreLocation.OpenAsync(database, TimeProvider.System, cancellationToken);
                report = FeedbackReport.From(await ((ICardFeedbackStore)store).SummarizeFeedbackAsync(cancellationToken), unrecordedCards: 0);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"error: cannot read '{database}': {e.Message}");
                return FormularyCli.ExitErrors;
            }

            if (result.GetValue(json))
            {
                CliJson.Write(output, report);
                return FormularyCli.ExitOk;
            }

            var console = PlainConsole.Create(output, 160);
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in new[] { "Card", "Indicator", "Issued", "Accepted", "Overridden", "Override reasons" })
            {
                table.AddColumn(header);
            }

            foreach (var row in report.Kinds)
            {
                table.AddRow(
                    new Text($"{row.Label} ({row.Kind})"),
                    new Text(row.Indicator ?? "-"),
                    new Text(Count(row.Issued)),
                    new Text(Count(row.Accepted) + Percent(row.AcceptedPercent)),
                    new Text(Count(row.Overridden) + Percent(row.OverriddenPercent)),
                    new Text(string.Join("; ", row.Reasons.Select(r => $"{(r.Code is null ? "no reason given" : r.Display ?? r.Code)}: {Count(r.Count)}"))));
            }

            console.Write(table);
            console.WriteLine(Invariant($"{report.Accepted} accepted, {report.Overridden} overridden. Shares are of the feedback received, not of the cards issued."));
            return FormularyCli.ExitOk;
        });
        return command;
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(decimal? value) => value is { } v ? Invariant($" ({v:0.#}%)") : string.Empty;
}
