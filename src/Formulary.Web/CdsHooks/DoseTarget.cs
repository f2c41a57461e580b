using Formulary.Clinical.Dosing;
using Formulary.Clinical.Regimens;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// What an order is compared with: one regimen computed for the patient (a schema-2 rule: per dose, per day, interval,
/// maxima, days; each a value or a range, null when the monograph does not state it) or the schema-1 dose, which is per
/// day only. <see cref="ToleranceMg"/> is half the rounding increment: an order within it of the computed dose agrees.
/// </summary>
internal sealed record DoseTarget(
    string? Label,
    ValueRange? PerDoseMg,
    ValueRange? PerDayMg,
    ValueRange? IntervalHours,
    decimal? MaxPerDoseMg,
    decimal? MaxPerDayMg,
    int? Days,
    decimal ToleranceMg)
{
    /// <summary>"'children'", or "the computed dose" for a schema-1 dose.</summary>
    public string Name => Label is { } label ? $"'{label}'" : "the computed dose";

    public static DoseTarget PerDay(DoseAnswer answer, decimal perDayMg) =>
        new(null, null, ValueRange.Of(perDayMg), null, null, null, answer.Days, (answer.RoundingIncrementMg ?? 0m) / 2m);

    public static DoseTarget Of(RegimenDose regimen) =>
        new(regimen.Label, regimen.PerDoseMg, regimen.PerDayMg, regimen.IntervalHours, regimen.MaxPerDoseMg, regimen.MaxPerDayMg, regimen.Days, (regimen.RoundingIncrementMg ?? 0m) / 2m);
}
