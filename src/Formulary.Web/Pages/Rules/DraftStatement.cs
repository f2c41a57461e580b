using Formulary.Clinical.Profiles;
using Formulary.Clinical.Regimens;

namespace Formulary.Web.Pages.Rules;

/// <summary>One machine-read dosing statement of a draft: where it is, the quote, and what the reader took from it (or "not read").</summary>
public sealed record DraftStatement(string Section, string Quote, string ReadAs)
{
    public static IReadOnlyList<DraftStatement> From(DrugProfile draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var dosing = draft.Dosing;
        if (dosing is null)
        {
            return [];
        }

        var regimens = dosing.Regimens.Select(r => new DraftStatement(r.Source.Section, r.Source.Quote, Describe(r)));
        var renal = dosing.Renal.Select(b => new DraftStatement(b.Adjustment.Source.Section, b.Adjustment.Source.Quote,
            Invariant($"{b}: {AdjustmentActionNames.Wire(b.Adjustment.Action)}{(b.Adjustment.Value is { } v ? " " + v : string.Empty)}")));
        var unread = dosing.Unread.Select(u => new DraftStatement(u.Section, u.Quote, "not read"));
        return [.. regimens.Concat(renal).Concat(unread)];
    }

    private static string Describe(DoseRule rule)
    {
        var parts = new List<string> { Invariant($"{rule.Amount} {RegimenBasisNames.Unit(rule.Basis)} per {(rule.Per == AmountPer.Day ? "day" : "dose")}") };
        if (rule.IntervalHours is { } hours)
        {
            parts.Add(Invariant($"every {hours} h"));
        }
        else if (rule.TimesPerDay is { } times)
        {
            parts.Add(Invariant($"{times} × a day"));
        }

        if (rule.MaxPerDoseMg is { } perDose)
        {
            parts.Add(Invariant($"max {perDose} mg per dose"));
        }

        if (rule.MaxPerDayMg is { } perDay)
        {
            parts.Add(Invariant($"max {perDay} mg per day"));
        }

        if (rule.MaxPerDayMgPerKg is { } perKg)
        {
            parts.Add(Invariant($"max {perKg} mg/kg/day"));
        }

        return rule.Population.ToString() + ": " + string.Join(", ", parts);
    }
}
