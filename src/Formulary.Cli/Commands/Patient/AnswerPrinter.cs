using Formulary.Clinical;
using Formulary.Cli.Output;
using Formulary.Clinical.Dosing;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.References;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Formulary.Cli.Commands.Patient;

/// <summary>Prints a <see cref="DoseAnswer"/> for people: a summary table, then adjustments, alerts, schedule and trace.</summary>
internal static class AnswerPrinter
{
    public static void Print(DoseAnswer answer, DrugProfile profile, bool showsDose, TextWriter writer)
    {
        var console = PlainConsole.Create(writer, 120);

        console.WriteLine(Invariant($"{profile.Name}: {(showsDose ? "dose" : "check")} — status {answer.Status.ToString().ToLowerInvariant()}"));
        if (answer.Errors.Count > 0)
        {
            console.Write(Table(["Option", "Refused because"], answer.Errors.Select(e => new[] { PatientOptions.OptionName(e.Field), e.Message })));
            return;
        }

        if (Summary(answer, showsDose) is { } summary)
        {
            console.Write(summary);
        }

        if (answer.Regimens.Count > 0)
        {
            console.Write(Table(["Regimen", "Per dose", "Per day", "Every", "Max / dose", "Max / day", "Adjusted", "Source"], answer.Regimens.Select(r => new[]
            {
                Invariant($"{r.Label} ({r.Basis}, {r.Route ?? "route not stated"})"),
                Mg(r.PerDoseMg),
                Mg(r.PerDayMg),
                r.IntervalHours is { } h ? Invariant($"{h} h") : r.TimesPerDay is { } t ? Invariant($"{t} × a day") : "not stated",
                r.MaxPerDoseMg is { } d ? Invariant($"{d} mg") : "-",
                r.MaxPerDayMg is { } m ? Invariant($"{m} mg") : "-",
                string.Join("; ", r.Adjustments.Select(a => Invariant($"{a.Kind} {a.Action} {a.Value}"))),
                Cite(r.Source),
            })));
        }

        if (answer.Adjustments.Count > 0)
        {
            console.Write(Table(["Adjustment", "Factor", "Reason", "Source"], answer.Adjustments.Select(a => new[] { a.Code, Invariant($"× {a.Factor}"), a.Reason, Cite(a.Source) })));
        }

        if (answer.Alerts.Count > 0)
        {
            console.Write(Table(["Severity", "Alert", "Message", "Source"], answer.Alerts.Select(a => new[] { a.Severity.LowerCase(), a.Code, a.Message, Cite(a.Source) + Cite(a.Reference) })));
        }

        if (answer.Contraception.Count > 0)
        {
            console.Write(Table(["Contraception", "Source"], answer.Contraception.Select(c => new[] { c.Advice, Cite(c.Source) })));
        }

        if (answer.Monitoring.Count > 0 || answer.StopCriteria.Count > 0)
        {
            console.Write(Table(["Monitor / stop", "Source"], answer.Monitoring.Select(m => new[] { "monitor: " + m.Text, Cite(m.Source) })
                .Concat(answer.StopCriteria.Select(s => new[] { "stop: " + s.Text, Cite(s.Source) }))));
        }

        console.WriteLine("Trace:");
        for (var i = 0; i < answer.Trace.Count; i++)
        {
            console.WriteLine(Invariant($"  {i + 1}. {answer.Trace[i]}"));
        }
    }

    /// <summary>The answer's figures as a two-column table; null when there are none (a check that contraindicates before any is computed).</summary>
    private static Table? Summary(DoseAnswer answer, bool showsDose)
    {
        var rows = new List<string[]>();
        if (answer.Regimen is not null)
        {
            rows.Add(["Regimen", Invariant($"{answer.Regimen}: {answer.DoseBasis} {answer.Route}{(answer.Approved == false ? " (off-label)" : string.Empty)}")]);
        }

        if (answer.Renal is { } renal)
        {
            rows.Add(["Kidney function", Invariant($"{renal.Value} {renal.Unit} ({(renal.Equation == Clinical.Calculators.RenalEquation.CockcroftGault ? "Cockcroft-Gault" : "bedside Schwartz")})")]);
        }

        if (showsDose && answer.Regimens.Count == 0)
        {
            rows.Add(["BSA", answer.BsaM2 is { } bsa ? Invariant($"{bsa:0.00} m² ({(answer.BsaFormula is { } f ? Clinical.Calculators.BsaCalculator.WireName(f) : string.Empty)}{(answer.BsaCapped ? Invariant($", capped from {answer.UncappedBsaM2:0.00} m²") : string.Empty)})") : "not computed"]);
            rows.Add(["Dose per day", answer.DosePerDayMg is { } dose ? Invariant($"{dose} mg (calculated {answer.CalculatedDoseMg} mg, rounded to a multiple of {answer.RoundingIncrementMg} mg: {answer.PercentChange:+0.0;-0.0;0.0}%; before adjustments {answer.UnadjustedDosePerDayMg} mg)") : "NOT COMPUTED (see alerts)"]);
            rows.Add(["Days", answer.Days?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not stated"]);
            rows.Add(["Cycle total", answer.CycleTotalMg is { } total ? Invariant($"{total} mg") : "not computed"]);
            rows.Add(["Infusion", answer.InfusionHours is { } hours ? Invariant($"over {hours} h{(answer.InfusionNote is { } note ? "; " + note : string.Empty)}") : "not stated"]);
            if (answer.CycleDays.Count > 0)
            {
                rows.Add(["Cycle days", string.Join(", ", answer.CycleDays.Select(d => Invariant($"D{d.Day} {d.Date:yyyy-MM-dd}")))]);
            }

            if (answer.NextCycle is { } next)
            {
                rows.Add(["Next cycle", Invariant($"{next.Earliest:yyyy-MM-dd} to {next.Latest:yyyy-MM-dd}, once: {string.Join("; ", next.Criteria.Select(c => c.Text))}")]);
            }
        }

        return rows.Count == 0 ? null : Table(["", ""], rows);
    }

    private static Table Table(string[] headers, IEnumerable<string[]> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        }

        return table;
    }

    private static string Mg(Formulary.Clinical.Regimens.ValueRange? range) => range is null ? "not computed" : Invariant($"{range} mg");

    private static string Cite(Citation? source) => source is null ? string.Empty : Invariant($"{source.Section}: \"{source.Quote}\"");

    private static string Cite(MethodReference? reference) => reference is null ? string.Empty : Invariant($"{reference.Title} ({reference.Url}; {reference.Decision})");
}
