using Formulary.Clinical.Regimens;
using Formulary.Monographs.Rules.Drafting;

namespace Formulary.Cli.Commands.Rules;

/// <summary>The <c>rules draft --json</c> entry of one drug: what was read, where it was written, what is left.</summary>
internal sealed record DraftSummary(
    string Slug,
    string File,
    string Written,
    IReadOnlyList<DraftSummary.Regimen> Regimens,
    IReadOnlyList<DraftSummary.Band> Renal,
    IReadOnlyList<string> Unread)
{
    /// <summary><c>written</c>: the file was (re)written; <c>kept</c>: a reviewed or hand-written file was left alone.</summary>
    public const string WrittenFile = "written";
    public const string KeptFile = "kept";

    public sealed record Range(decimal Min, decimal Max);

    public sealed record Population(string? Label, decimal? AgeMin, decimal? AgeBelow, string? AgeUnit, decimal? WeightMinKg, decimal? WeightBelowKg);

    public sealed record Regimen(
        string Id, string Basis, Range Amount, string Per, int? DividedDoses, Range? IntervalHours, int? TimesPerDay, int? Days, string? Schedule,
        string? Route, decimal? InfusionHours, decimal? MaxPerDoseMg, decimal? MaxPerDayMg, decimal? MaxPerDayMgPerKg, Population? Population, string? Use, string Quote);

    public sealed record Band(string Measure, decimal? Min, bool MinInclusive, decimal? Max, bool MaxInclusive, string Action, Range? Value, Range? IntervalHours, string Quote);

    public static DraftSummary Of(RulesDraft draft, string file, string written) => new(
        draft.Slug,
        file,
        written,
        [.. draft.Regimens.Select(r => Describe(r.Rule))],
        [.. draft.Renal.Select(b => new Band(
            b.Measure == RenalMeasure.Egfr ? "egfr" : "crcl", b.Min, b.MinInclusive, b.Max, b.MaxInclusive,
            AdjustmentActionNames.Wire(b.Adjustment.Action), RangeOf(b.Adjustment.Value), RangeOf(b.Adjustment.IntervalHours), b.Adjustment.Source.Quote))],
        [.. draft.Unread.Select(u => u.Quote)]);

    private static Regimen Describe(DoseRule rule)
    {
        var p = rule.Population;
        var population = p == Clinical.Regimens.Population.Anyone
            ? null
            : new Population(p.Label, p.AgeMin, p.AgeBelow, p.AgeMin is null && p.AgeBelow is null ? null : p.AgeUnit.ToString().ToLowerInvariant(), p.WeightMinKg, p.WeightBelowKg);
        return new Regimen(
            rule.Id, RegimenBasisNames.Wire(rule.Basis), RangeOf(rule.Amount)!, rule.Per == AmountPer.Day ? "day" : "dose", rule.DividedDoses, RangeOf(rule.IntervalHours),
            rule.TimesPerDay, rule.Days, rule.Schedule, rule.Route, rule.InfusionHours, rule.MaxPerDoseMg, rule.MaxPerDayMg, rule.MaxPerDayMgPerKg, population, rule.Use, rule.Source.Quote);
    }

    private static Range? RangeOf(ValueRange? range) => range is null ? null : new Range(range.Min, range.Max);
}
