using Formulary.Clinical.Calculators;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Dosing;

/// <summary>
/// Renal rules: severe impairment by creatinine against the ULN for age, then a kidney-function
/// estimate placed in the profile's bands. Where the monograph is silent the answer says so.
/// </summary>
internal static class RenalAssessment
{
    public static void ScreenSevere(Patient patient, DrugProfile profile, Contraindication rule, AnswerBuilder answer)
    {
        if (profile.Renal?.SevereScrTimesUln is not { } times || patient.Creatinine is not { } scr)
        {
            return;
        }

        if (patient.CreatinineUpperLimit is not { } uln)
        {
            answer.Alert(
                AlertSeverity.Warning,
                AlertCodes.RenalUpperLimitMissing,
                Invariant($"Severe renal impairment (a contraindication) is defined as serum creatinine ≥ {times} × the upper limit of normal for age; no ULN was given (scrUlnMgDl), so it was not tested. Formulary does not assume a ULN: it depends on age and the laboratory's assay."),
                profile.Renal.SevereSource);
            return;
        }

        var ratio = scr.MgPerDl / uln.MgPerDl;
        answer.Step(Invariant($"Serum creatinine {scr} is {ratio:0.00} × the ULN for age ({uln}); severe impairment is ≥ {times} × ULN.") + AnswerBuilder.Cite(profile.Renal.SevereSource));
        if (ratio >= times)
        {
            answer.Contraindicate(
                AlertCodes.SevereRenal,
                Invariant($"Severe renal impairment: serum creatinine {scr} is {ratio:0.00} × ULN ({uln}), ≥ {times} × ULN. {profile.Name} is contraindicated."),
                rule.Source);
        }
    }

    /// <summary>Estimates kidney function and applies the band's factor; null when it cannot be estimated.</summary>
    public static RenalEstimate? Assess(Patient patient, DrugProfile profile, AnswerBuilder answer)
    {
        if (patient.Creatinine is not { } scr)
        {
            answer.Alert(AlertSeverity.Warning, AlertCodes.RenalNotAssessed, "No serum creatinine was given: kidney function was not assessed.", null);
            return null;
        }

        var equation = RenalCalculator.EquationFor(patient.Age);
        RenalFunction function;
        string why;
        if (equation == RenalEquation.CockcroftGault)
        {
            if (patient.Weight is not { } weight)
            {
                answer.Alert(AlertSeverity.Warning, AlertCodes.RenalNotAssessed, "Cockcroft-Gault needs the body weight, which was not given: kidney function was not assessed.", null);
                return null;
            }

            function = RenalCalculator.CockcroftGault(patient.Age, weight, scr, patient.Sex);
            why = Invariant($"age {patient.Age.Years:0.##} ≥ {RenalCalculator.AdultFromYears} years: Cockcroft-Gault, the adult equation drug-label CrCl bands are written in");
            answer.Step(Invariant($"Creatinine clearance (Cockcroft-Gault, {why}) = (140 − {patient.Age.Years:0.##}) × {weight.Kilograms:0.###} kg / (72 × {scr.MgPerDl:0.###} mg/dL){(patient.Sex == Sex.Female ? " × 0.85 (female)" : string.Empty)} = {function}."));
        }
        else
        {
            if (patient.Height is not { } height)
            {
                answer.Alert(AlertSeverity.Warning, AlertCodes.RenalNotAssessed, "Bedside Schwartz needs the height, which was not given: kidney function was not assessed.", null);
                return null;
            }

            function = RenalCalculator.BedsideSchwartz(height, scr);
            why = Invariant($"age {patient.Age.Years:0.##} < {RenalCalculator.AdultFromYears} years: bedside Schwartz (k = {RenalCalculator.SchwartzK}), the equation validated in children; Cockcroft-Gault is not valid under 18");
            answer.Step(Invariant($"eGFR (bedside Schwartz, {why}) = {RenalCalculator.SchwartzK} × {height.Centimetres:0.##} cm / {scr.MgPerDl:0.###} mg/dL = {function}."));
        }

        var estimate = new RenalEstimate(equation == RenalEquation.CockcroftGault ? "cockcroft-gault" : "bedside-schwartz", Math.Round(function.Value, 1, MidpointRounding.AwayFromZero), function.UnitSymbol, why);
        ApplyBands(function, profile, answer);
        return estimate;
    }

    private static void ApplyBands(RenalFunction function, DrugProfile profile, AnswerBuilder answer)
    {
        var bands = profile.Renal?.Bands ?? [];
        if (bands.Count == 0)
        {
            if (profile.Dosing is null)
            {
                answer.Step("The profile has no renal dose bands: no renal adjustment.");
            }

            return;
        }

        if (function.Unit == RenalFunctionUnit.MlPerMinutePer173SquareMetres)
        {
            answer.Alert(
                AlertSeverity.Info,
                AlertCodes.RenalNormalizedEgfr,
                Invariant($"The monograph's bands are creatinine clearance in mL/min; Schwartz gives eGFR in mL/min/1.73 m². The normalized value {function} is compared with the bands as is (de-normalizing by a child's small BSA would put healthy children in the reduction band)."),
                null);
        }

        var band = bands.FirstOrDefault(b => b.Contains(function.Value));
        if (band is not null)
        {
            answer.Adjust(band.Code, band.Factor, Invariant($"kidney function {function} is within {band.MinMlMin}-{band.MaxMlMin} mL/min"), band.Source);
            if (profile.Renal?.Caution is { } caution)
            {
                answer.Alert(AlertSeverity.Warning, AlertCodes.RenalCaution, caution.Text, caution.Source);
            }

            return;
        }

        var lowest = bands.Min(b => b.MinMlMin);
        if (function.Value < lowest)
        {
            answer.Withhold(
                AlertCodes.RenalBelowBands,
                Invariant($"Kidney function {function} is below {lowest} mL/min: the monograph gives no dose for this range (its reduction covers {string.Join(", ", bands.Select(b => Invariant($"{b.MinMlMin}-{b.MaxMlMin}")))} mL/min), so no dose is computed. A specialist must decide."),
                bands.First(b => b.MinMlMin == lowest).Source);
            return;
        }

        answer.Step(Invariant($"Kidney function {function} is outside every renal band: no renal adjustment."));
    }
}
