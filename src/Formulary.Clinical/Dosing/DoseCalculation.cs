using Formulary.Clinical.Calculators;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.Quantities;
using Formulary.Clinical.References;

namespace Formulary.Clinical.Dosing;

/// <summary>
/// The arithmetic of one daily dose: size (BSA or weight), amount, ceiling, factors, one rounding.
/// The BSA is rounded to 0.01 m² before it is multiplied, so the BSA shown is the one used and a
/// hand check (shown BSA × mg/m²) gives the calculated dose.
/// </summary>
internal static class DoseCalculation
{
    public const int BsaDecimals = 2;

    /// <summary>
    /// <paramref name="Bsa"/> is the BSA used (after rounding and any cap); <paramref name="Uncapped"/> the
    /// dose the cap took away from, rounded like the dose. <paramref name="Calculated"/> is the dose after
    /// adjustments before rounding; <paramref name="Rounded"/> is given. Null <paramref name="Rounded"/>: it rounded to 0.
    /// </summary>
    public sealed record Result(BodySurfaceArea? Bsa, BodySurfaceArea? UncappedBsa, Dose? Uncapped, Dose Unadjusted, Dose Calculated, Dose? Rounded, decimal PercentChange);

    public static Result Compute(Patient patient, Regimen regimen, DosePolicy policy, IReadOnlyList<AnswerAdjustment> adjustments, AnswerBuilder answer)
    {
        var weight = patient.Weight ?? throw new ArgumentException("a dose needs the weight", nameof(patient));
        var factor = adjustments.Aggregate(1m, (product, adjustment) => product * adjustment.Factor);
        BodySurfaceArea? bsa = null;
        BodySurfaceArea? uncappedBsa = null;
        Dose raw;
        if (regimen.Basis == DoseBasis.PerSquareMetre)
        {
            var height = patient.Height ?? throw new ArgumentException("a per-m² dose needs the height", nameof(patient));
            var computed = BsaCalculator.Compute(policy.Formula, weight, height);
            var shown = BodySurfaceArea.FromSquareMetres(Math.Max(0.01m, Math.Round(computed.SquareMetres, BsaDecimals, MidpointRounding.AwayFromZero)));
            answer.Step(Invariant($"BSA ({BsaCalculator.Describe(policy.Formula)}) with {weight}, {height} = {computed}, rounded to {shown.SquareMetres:0.00} m² ({BsaDecimals} decimals): the value shown and the value the dose is computed from."));
            bsa = shown;
            if (policy.BsaCap is { } cap && shown > cap)
            {
                uncappedBsa = shown;
                bsa = cap;
                answer.Step(Invariant($"BSA {shown.SquareMetres:0.00} m² is above the institution cap: {cap.SquareMetres:0.00} m² is used instead (see the BSA_CAPPED alert)."));
            }

            raw = Dose.FromMilligrams(regimen.AmountMg * bsa.Value.SquareMetres);
            answer.Step(Invariant($"Dose = {regimen.AmountMg} mg/m² × {bsa.Value.SquareMetres:0.00} m² = {raw.Milligrams:0.####} mg per day."));
        }
        else
        {
            raw = Dose.FromMilligrams(regimen.AmountMg * weight.Kilograms);
            answer.Step(Invariant($"Dose = {regimen.AmountMg} mg/kg × {weight.Kilograms:0.###} kg = {raw.Milligrams:0.####} mg per day."));
        }

        if (regimen.MaxDailyMg is { } max && raw.Milligrams > max)
        {
            answer.Alert(AlertSeverity.Warning, AlertCodes.MaxDoseCapped, Invariant($"{raw} is above the regimen's maximum of {max} mg per day; {max} mg is used."), regimen.Source);
            raw = Dose.FromMilligrams(max);
        }

        if (adjustments.Count > 1)
        {
            answer.Alert(
                AlertSeverity.Info,
                AlertCodes.AdjustmentsCombined,
                Invariant($"{adjustments.Count} reductions apply; the monograph does not say how they combine, so Formulary multiplies them ({string.Join(" × ", adjustments.Select(a => a.Factor))} = {factor})."),
                adjustments[^1].Source);
        }

        var calculated = raw.Times(factor);
        if (factor != 1m)
        {
            answer.Step(Invariant($"Adjusted dose = {raw.Milligrams:0.####} mg × {factor} = {calculated.Milligrams:0.####} mg per day."));
        }

        var uncapped = uncappedBsa is { } before ? Uncapped(before, regimen, factor, policy) : (Dose?)null;
        var outcome = DoseRounding.Apply(calculated, policy);
        var (rounded, percent) = (outcome.Rounded, outcome.PercentChange);
        answer.Step(Invariant($"Rounded once to a multiple of {policy.RoundingIncrementMg} mg ({policy.Midpoint}): {calculated.Milligrams:0.####} mg → {rounded} ({percent:+0.0;-0.0;0.0}%)."));
        if (outcome.IsZero)
        {
            return new(bsa, uncappedBsa, uncapped, raw.RoundTo(policy.RoundingIncrementMg, policy.Midpoint), calculated, null, percent);
        }

        DoseRounding.WarnWhenFar(outcome, policy, answer);

        if (uncappedBsa is { } over && uncapped is { } full && policy.BsaCap is { } limit)
        {
            var reduction = full.Milligrams == 0m ? 0m : Math.Round((full.Milligrams - rounded.Milligrams) / full.Milligrams * 100m, 1, MidpointRounding.AwayFromZero);
            answer.Alert(
                AlertSeverity.Warning,
                AlertCodes.BsaCapped,
                Invariant($"BSA {over.SquareMetres:0.00} m² is above the institution cap of {limit.SquareMetres:0.00} m²: the dose is computed from {limit.SquareMetres:0.00} m², {rounded} instead of {full} uncapped, a {reduction:0.0}% reduction. ASCO recommends full weight-based doses for obese adults; a cap is an institution's choice."),
                MethodReferences.BsaCap);
        }

        return new(bsa, uncappedBsa, uncapped, raw.RoundTo(policy.RoundingIncrementMg, policy.Midpoint), calculated, rounded, percent);
    }

    private static Dose Uncapped(BodySurfaceArea bsa, Regimen regimen, decimal factor, DosePolicy policy)
    {
        var raw = regimen.AmountMg * bsa.SquareMetres;
        if (regimen.MaxDailyMg is { } max && raw > max)
        {
            raw = max;
        }

        return Dose.FromMilligrams(raw * factor).RoundTo(policy.RoundingIncrementMg, policy.Midpoint);
    }
}
