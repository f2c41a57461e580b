using Formulary.Clinical.Calculators;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.Quantities;
using Formulary.Clinical.References;

namespace Formulary.Clinical.Dosing;

/// <summary>
/// Renal rules: severe impairment by serum creatinine against the ULN for age (the laboratory's, else
/// the published reference in <see cref="CreatinineReference"/>, else the dose is withheld), then a
/// kidney-function estimate placed in the profile's bands. Where the monograph is silent the answer says so.
/// </summary>
internal static class RenalAssessment
{
    public static void ScreenSevere(Patient patient, DrugProfile profile, Contraindication rule, AnswerBuilder answer)
    {
        if (profile.Renal?.SevereScrTimesUln is not { } times || patient.Creatinine is not { } scr)
        {
            return;
        }

        var severeSource = profile.Renal.SevereSource ?? rule.Source;
        SerumCreatinine uln;
        string whose;
        if (patient.CreatinineUpperLimit is { } laboratory)
        {
            (uln, whose) = (laboratory, "the laboratory's ULN");
        }
        else if (CreatinineReference.UpperLimit(patient.Age, patient.Sex) is var (reference, working))
        {
            (uln, whose) = (reference, "the published reference ULN");
            answer.Alert(
                AlertSeverity.Info,
                AlertCodes.RenalUpperLimitFromReference,
                Invariant($"No laboratory ULN was given: the upper limit of normal creatinine for a {patient.Sex.LowerCase()} of {patient.Age.Years:0.##} years is taken from Pottel et al. 2017 ({working}). Give the laboratory's ULN when it differs."),
                MethodReferences.CreatinineReference);
        }
        else
        {
            answer.Withhold(
                AlertCodes.RenalUpperLimitUnavailable,
                Invariant($"Severe renal impairment (a contraindication) is serum creatinine ≥ {times} × the upper limit of normal for age; no laboratory ULN was given and the reference table does not cover age {patient.Age.Years:0.##} years (it starts at {CreatinineReference.FromYears} year). The test could not be done, so no dose is computed: give the laboratory's ULN."),
                severeSource);
            return;
        }

        // Decided on the ratio as the answer shows it (2 decimals): 90 and 45 µmol/L, each converted to mg/dL, divide to
        // 1.999…, which must read as the 2.00 × ULN it is, never as "2.00 ×, below 2 ×".
        var ratio = Math.Round(scr.MgPerDl / uln.MgPerDl, 2, MidpointRounding.AwayFromZero);
        answer.Step(Invariant($"Serum creatinine {scr} is {ratio:0.00} × {whose} for age ({uln}); severe impairment is ≥ {times} × ULN.") + AnswerBuilder.Cite(severeSource));
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
        var renalSource = profile.Renal?.SevereSource ?? profile.Renal?.Bands.FirstOrDefault()?.Source;
        if (patient.Creatinine is not { } scr)
        {
            NotAssessed("No serum creatinine was given: kidney function was not assessed.", renalSource, answer);
            return null;
        }

        var equation = RenalCalculator.EquationFor(patient.Age);
        RenalFunction function;
        string why;
        if (equation == RenalEquation.CockcroftGault)
        {
            if (patient.Weight is not { } weight)
            {
                NotAssessed("Cockcroft-Gault needs the body weight, which was not given: kidney function was not assessed.", renalSource, answer);
                return null;
            }

            function = RenalCalculator.CockcroftGault(patient.Age, weight, scr, patient.Sex);
            why = Invariant($"age {patient.Age.Years:0.##} ≥ {RenalCalculator.AdultFromYears} years: Cockcroft-Gault, the adult equation drug-label CrCl bands are written in");
            answer.Step(Invariant($"Creatinine clearance (Cockcroft-Gault, {why}) = (140 − {patient.Age.Years:0.##}) × {weight.Kilograms:0.###} kg / (72 × {scr.MgPerDl:0.###} mg/dL){(patient.Sex == Sex.Female ? " × 0.85 (female)" : string.Empty)} = {function}.") + AnswerBuilder.Cite(MethodReferences.CockcroftGault));
            ObesityCheck.Flag(patient, weight, scr, function, answer);
        }
        else
        {
            if (patient.Height is not { } height)
            {
                NotAssessed("Bedside Schwartz needs the height, which was not given: kidney function was not assessed.", renalSource, answer);
                return null;
            }

            function = RenalCalculator.BedsideSchwartz(height, scr);
            why = Invariant($"age {patient.Age.Years:0.##} < {RenalCalculator.AdultFromYears} years: bedside Schwartz (k = {RenalCalculator.SchwartzK}), the equation validated in children; Cockcroft-Gault is not valid under 18");
            answer.Step(Invariant($"eGFR (bedside Schwartz, {why}) = {RenalCalculator.SchwartzK} × {height.Centimetres:0.##} cm / {scr.MgPerDl:0.###} mg/dL = {function}.") + AnswerBuilder.Cite(MethodReferences.BedsideSchwartz));
        }

        var shown = function.AsShown();
        ApplyBands(shown, profile, answer);
        return new RenalEstimate(equation, shown.Value, shown.UnitSymbol, why);
    }

    private static void NotAssessed(string message, Citation? source, AnswerBuilder answer)
    {
        if (source is not null)
        {
            answer.Alert(AlertSeverity.Warning, AlertCodes.RenalNotAssessed, message, source);
        }
        else
        {
            answer.Step(message + " The profile has no renal rules.");
        }
    }

    /// <summary>
    /// Places the estimate in the profile's bands by its value as the answer shows it (<see cref="RenalFunction.AsShown"/>, as
    /// the schema-2 regimens do): 60.04 mL/min is shown as 60.0 and so is within 30-60; deciding on the unrounded value gave
    /// "60.0 mL/min is outside every band".
    /// </summary>
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
                MethodReferences.BedsideSchwartz);
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
