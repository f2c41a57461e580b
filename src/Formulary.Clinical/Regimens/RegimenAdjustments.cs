using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;
using Formulary.Clinical.References;

namespace Formulary.Clinical.Regimens;

/// <summary>
/// The renal, hepatic and toxicity adjustments that apply to this patient, in that order: the first
/// renal band containing the kidney-function estimate, the hepatic level reported, the toxicity rule
/// when prior toxicity is reported.
/// </summary>
internal static class RegimenAdjustments
{
    public sealed record Applied(string Kind, DoseAdjustment Adjustment, string Reason);

    public static IReadOnlyList<Applied> For(Patient patient, DosingRules rules, RenalEstimate? renal, AnswerBuilder answer)
    {
        var applied = new List<Applied>();
        if (renal is not null && rules.Renal.Count > 0)
        {
            var measured = renal.Unit == "mL/min" ? RenalMeasure.CreatinineClearance : RenalMeasure.Egfr;
            var band = rules.Renal.FirstOrDefault(b => b.Contains(renal.Value));
            if (band is not null)
            {
                if (band.Measure != measured)
                {
                    answer.Alert(AlertSeverity.Info, AlertCodes.RenalNormalizedEgfr, Invariant($"The band is written as {(band.Measure == RenalMeasure.CreatinineClearance ? "creatinine clearance" : "eGFR")}; the patient's estimate is {renal.Value} {renal.Unit} ({renal.Equation}); they are compared as is."), band.Adjustment.Source);
                }

                applied.Add(new("renal", band.Adjustment, Invariant($"kidney function {renal.Value} {renal.Unit} is in the band {band}")));
            }
            else
            {
                answer.Step(Invariant($"Kidney function {renal.Value} {renal.Unit} is in no renal band of the monograph: no renal adjustment."));
            }
        }

        if (patient.Hepatic is { } hepatic && hepatic != HepaticImpairment.None)
        {
            var level = rules.Hepatic.FirstOrDefault(h => h.Level == hepatic);
            if (level is not null)
            {
                applied.Add(new("hepatic", level.Adjustment, Invariant($"{hepatic.LowerCase()} hepatic impairment")));
            }
            else if (rules.Hepatic.Count > 0)
            {
                answer.Step(Invariant($"The monograph gives no hepatic adjustment for {hepatic.LowerCase()} impairment."));
            }
        }

        if (patient.PriorToxicity && rules.Toxicity.Count > 0)
        {
            var rule = rules.Toxicity[0];
            applied.Add(new("toxicity", rule.Adjustment, rule.Condition));
        }
        else if (patient.PriorToxicity)
        {
            answer.Alert(AlertSeverity.Warning, AlertCodes.ToxicityNotApplicable, "Prior toxicity was reported but the monograph gives no dose change for it; a specialist must decide.", MethodReferences.MonographSilent);
        }

        return applied;
    }
}
