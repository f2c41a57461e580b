using Formulary.Clinical.Calculators;
using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;
using Formulary.Clinical.References;

namespace Formulary.Clinical.Regimens;

/// <summary>What a regimen's amount is multiplied by for this patient (m², kg, 1, or GFR + 25), with the trace; null when it cannot be had.</summary>
internal static class RegimenSize
{
    public static decimal? Of(Patient patient, DoseRule rule, RenalEstimate? renal, DosePolicy policy, AnswerBuilder answer)
    {
        switch (rule.Basis)
        {
            case RegimenBasis.Fixed:
                return 1m;
            case RegimenBasis.PerKilogram when patient.Weight is { } weight:
                return weight.Kilograms;
            case RegimenBasis.PerSquareMetre when patient.Weight is { } weight && patient.Height is { } height:
                var computed = BsaCalculator.Compute(policy.Formula, weight, height);
                var bsa = BodySurfaceArea.FromSquareMetres(Math.Max(0.01m, Math.Round(computed.SquareMetres, Dosing.DoseCalculation.BsaDecimals, MidpointRounding.AwayFromZero)));
                answer.Step(Invariant($"[{rule.Id}] BSA ({BsaCalculator.Describe(policy.Formula)}) with {weight}, {height} = {computed}, rounded to {bsa.SquareMetres:0.00} m²: the value shown and used."));
                if (policy.BsaCap is { } cap && bsa > cap)
                {
                    answer.Alert(AlertSeverity.Warning, AlertCodes.BsaCapped, Invariant($"BSA {bsa.SquareMetres:0.00} m² is above the institution cap; {cap.SquareMetres:0.00} m² is used, a {(bsa.SquareMetres - cap.SquareMetres) / bsa.SquareMetres * 100m:0.0}% reduction of the dose. ASCO recommends full weight-based doses for obese adults."), MethodReferences.BsaCap);
                    bsa = cap;
                }

                return bsa.SquareMetres;
            case RegimenBasis.CalvertAuc:
                return Calvert(rule, renal, answer);
            default:
                answer.Alert(AlertSeverity.Warning, AlertCodes.RegimenNotComputed, Invariant($"The '{rule.Label}' regimen is dosed in {RegimenBasisNames.Unit(rule.Basis)} and the weight or height needed was not given: not computed."), rule.Source);
                return null;
        }
    }

    private static decimal? Calvert(DoseRule rule, RenalEstimate? renal, AnswerBuilder answer)
    {
        if (renal is not { Equation: RenalEquation.CockcroftGault } estimate)
        {
            answer.Alert(
                AlertSeverity.Warning,
                AlertCodes.RegimenNotComputed,
                Invariant($"The '{rule.Label}' regimen is dosed by the Calvert formula, which needs a GFR as creatinine clearance in mL/min (Cockcroft-Gault, adults); {(renal is null ? "kidney function was not assessed" : "the patient's kidney function is a paediatric eGFR")}, so it is not computed."),
                rule.Source);
            return null;
        }

        var gfr = estimate.Value;
        if (rule.GfrCapMlMin is { } cap && gfr > cap)
        {
            answer.Step(Invariant($"[{rule.Id}] GFR {gfr} mL/min is above the monograph's cap of {cap} mL/min; {cap} is used.") + AnswerBuilder.Cite(rule.Source));
            gfr = cap;
        }

        answer.Step(Invariant($"[{rule.Id}] Calvert: dose (mg) = target AUC × (GFR + 25); GFR used = {gfr} mL/min ({estimate.Equation} creatinine clearance), so GFR + 25 = {gfr + 25m}."));
        return gfr + 25m;
    }
}
