namespace Formulary.Clinical.Regimens;

/// <summary>
/// A kidney-function band with the inclusiveness the monograph states ("CrCl 30-60" is inclusive
/// at both ends, "&lt; 30" excludes 30, "&gt; 50" excludes 50) and the adjustment it calls for.
/// </summary>
public sealed record RenalDoseBand(RenalMeasure Measure, decimal? Min, bool MinInclusive, decimal? Max, bool MaxInclusive, DoseAdjustment Adjustment)
{
    public bool Contains(decimal value) =>
        (Min is not { } min || (MinInclusive ? value >= min : value > min))
        && (Max is not { } max || (MaxInclusive ? value <= max : value < max));

    public override string ToString()
    {
        var measure = Measure == RenalMeasure.CreatinineClearance ? "CrCl" : "eGFR";
        var low = Min is { } a ? Invariant($"{(MinInclusive ? "≥" : ">")} {a}") : null;
        var high = Max is { } b ? Invariant($"{(MaxInclusive ? "≤" : "<")} {b}") : null;
        return Invariant($"{measure} {string.Join(" and ", new[] { low, high }.OfType<string>())} mL/min");
    }
}
