using Formulary.Clinical.Calculators;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Dosing;

/// <summary>The arithmetic of one daily dose: size (BSA or weight), amount, ceiling, factors, one rounding.</summary>
internal static class DoseCalculation
{
    public sealed record Result(BodySurfaceArea? Bsa, bool BsaCapped, Dose Unadjusted, Dose Adjusted);

    public static Result Compute(Patient patient, Regimen regimen, DosePolicy policy, IReadOnlyList<AnswerAdjustment> adjustments, AnswerBuilder answer)
    {
        var weight = patient.Weight ?? throw new ArgumentException("a dose needs the weight", nameof(patient));
        BodySurfaceArea? bsa = null;
        var capped = false;
        Dose raw;
        if (regimen.Basis == DoseBasis.PerSquareMetre)
        {
            var height = patient.Height ?? throw new ArgumentException("a per-m² dose needs the height", nameof(patient));
            var computed = BsaCalculator.Compute(policy.Formula, weight, height);
            answer.Step(Invariant($"BSA ({BsaCalculator.Describe(policy.Formula)}) with {weight}, {height} = {computed}."));
            bsa = computed;
            if (policy.BsaCap is { } cap && computed > cap)
            {
                bsa = cap;
                capped = true;
                answer.Alert(AlertSeverity.Info, AlertCodes.BsaCapped, Invariant($"BSA {computed} is above the institution cap; {cap} is used."), null);
            }

            raw = Dose.FromMilligrams(regimen.AmountMg * bsa.Value.SquareMetres);
            answer.Step(Invariant($"Dose = {regimen.AmountMg} mg/m² × {bsa.Value.SquareMetres:0.0000} m² = {raw.Milligrams:0.####} mg per day."));
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

        var factor = adjustments.Aggregate(1m, (product, adjustment) => product * adjustment.Factor);
        if (adjustments.Count > 1)
        {
            answer.Alert(
                AlertSeverity.Info,
                AlertCodes.AdjustmentsCombined,
                Invariant($"{adjustments.Count} reductions apply; the monograph does not say how they combine, so Formulary multiplies them ({string.Join(" × ", adjustments.Select(a => a.Factor))} = {factor})."),
                null);
        }

        var adjusted = raw.Times(factor);
        if (factor != 1m)
        {
            answer.Step(Invariant($"Adjusted dose = {raw.Milligrams:0.####} mg × {factor} = {adjusted.Milligrams:0.####} mg per day."));
        }

        var rounded = adjusted.RoundTo(policy.RoundingIncrementMg, policy.Midpoint);
        answer.Step(Invariant($"Rounded once to a multiple of {policy.RoundingIncrementMg} mg ({policy.Midpoint}): {rounded}."));
        return new(bsa, capped, raw.RoundTo(policy.RoundingIncrementMg, policy.Midpoint), rounded);
    }
}
