using Formulary.Clinical.Calculators;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;
using Formulary.Clinical.References;

namespace Formulary.Clinical.Dosing;

/// <summary>
/// Cockcroft-Gault with actual body weight overestimates creatinine clearance in obesity (BMI ≥ 30).
/// The monograph names no weight descriptor, so the actual-weight value stays the one used; the
/// answer flags it and shows the value with adjusted body weight beside it (Winter et al. 2012):
/// ideal body weight by Devine (50 kg men, 45.5 kg women, + 2.3 kg per inch over 5 feet),
/// adjusted = ideal + 0.4 × (actual − ideal).
/// </summary>
internal static class ObesityCheck
{
    public const decimal ObeseFromBmi = 30m;
    public const decimal AdjustmentFactor = 0.4m;
    private const decimal DevineFromInches = 60m;
    private const decimal DevineKgPerInch = 2.3m;

    public static void Flag(Patient patient, BodyWeight weight, SerumCreatinine scr, RenalFunction actual, AnswerBuilder answer)
    {
        if (patient.Height is not { } height)
        {
            return;
        }

        var bmi = weight.Kilograms / (height.Metres * height.Metres);
        if (bmi < ObeseFromBmi)
        {
            return;
        }

        var inches = height.Centimetres / Height.CentimetresPerInch;
        if (inches < DevineFromInches)
        {
            answer.Alert(AlertSeverity.Warning, AlertCodes.RenalCockcroftGaultObesity, Invariant($"Body mass index {bmi:0.0} kg/m² ≥ {ObeseFromBmi}: Cockcroft-Gault with actual weight ({actual}) overestimates creatinine clearance in obesity. Devine's ideal body weight is not defined under 152.4 cm, so no adjusted value is given; a specialist should judge kidney function."), MethodReferences.ObesityCockcroftGault);
            return;
        }

        var ideal = (patient.Sex == Sex.Male ? 50m : 45.5m) + (DevineKgPerInch * (inches - DevineFromInches));
        var adjusted = ideal + (AdjustmentFactor * (weight.Kilograms - ideal));
        if (adjusted <= 0m || adjusted >= weight.Kilograms)
        {
            return;
        }

        var clearance = RenalCalculator.CockcroftGault(patient.Age, BodyWeight.FromKilograms(adjusted), scr, patient.Sex);
        answer.Alert(
            AlertSeverity.Warning,
            AlertCodes.RenalCockcroftGaultObesity,
            Invariant($"Body mass index {bmi:0.0} kg/m² ≥ {ObeseFromBmi}: Cockcroft-Gault with actual weight ({actual}) overestimates creatinine clearance in obesity. With adjusted body weight (Devine ideal {ideal:0.0} kg + {AdjustmentFactor} × ({weight.Kilograms:0.###} − {ideal:0.0}) = {adjusted:0.0} kg) it is {clearance}. The monograph names no weight descriptor: the actual-weight value is the one used; check whether the band would differ."),
            MethodReferences.ObesityCockcroftGault);
    }
}
