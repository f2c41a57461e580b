using Formulary.Clinical.Dosing;
using Formulary.Clinical.Quantities;
using Formulary.Clinical.References;

namespace Formulary.Clinical.Patients;

/// <summary>
/// Serum creatinine and the laboratory's upper limit of normal. Values no patient has are refused
/// (<see cref="SerumCreatinine"/>); values possible but typical of the other unit are warned about.
/// </summary>
internal static class CreatinineReader
{
    /// <summary>In mg/dL, values from here up mean kidney failure, while they are ordinary in µmol/L.</summary>
    public const decimal SuspectMgPerDlFrom = 10m;

    /// <summary>In µmol/L, values under this occur only in infants, while they are ordinary in mg/dL (0.3-15).</summary>
    public const decimal SuspectMicromolBelow = 20m;

    public static SerumCreatinine? Read(Measurement<CreatinineUnit>? entered, Age? age, bool required, ReadErrors errors, List<AnswerAlert> warnings)
    {
        if (entered is null)
        {
            return required ? errors.Fail<SerumCreatinine>(PatientField.Creatinine, "is missing; a serum creatinine (mg/dL or µmol/L) is needed to assess kidney function before dosing") : null;
        }

        var creatinine = entered.Unit == CreatinineUnit.MicromolPerLitre
            ? errors.Checked(PatientField.Creatinine, entered.Value, SerumCreatinine.ProblemInMicromolPerLitre, SerumCreatinine.FromMicromolPerLitre)
            : errors.Checked(PatientField.Creatinine, entered.Value, SerumCreatinine.ProblemInMgPerDl, SerumCreatinine.FromMgPerDl);
        if (creatinine is null)
        {
            return null;
        }

        if (entered.Unit == CreatinineUnit.MgPerDl && entered.Value >= SuspectMgPerDlFrom)
        {
            warnings.Add(Warning(Invariant($"Serum creatinine {entered.Value} mg/dL means kidney failure, while {entered.Value} is an ordinary value in µmol/L: if this was µmol/L, {entered.Value / SerumCreatinine.MicromolPerLitrePerMgPerDl:0.00} mg/dL. The answer uses {entered.Value} mg/dL as entered.")));
        }
        else if (entered.Unit == CreatinineUnit.MicromolPerLitre && entered.Value < SuspectMicromolBelow && age is { Years: >= 1m })
        {
            warnings.Add(Warning(Invariant($"Serum creatinine {entered.Value} µmol/L is below the range of children over 1 year and adults, while {entered.Value} is a possible value in mg/dL: if this was mg/dL, {entered.Value * SerumCreatinine.MicromolPerLitrePerMgPerDl:0} µmol/L. The answer uses {entered.Value} µmol/L as entered.")));
        }

        return creatinine;
    }

    public static SerumCreatinine? ReadUpperLimit(Measurement<CreatinineUnit>? entered, ReadErrors errors)
    {
        if (entered is null)
        {
            return null;
        }

        var mgPerDl = entered.Unit == CreatinineUnit.MicromolPerLitre ? entered.Value / SerumCreatinine.MicromolPerLitrePerMgPerDl : entered.Value;

        // A creatinine upper limit of normal is 0.2-0.4 mg/dL in infants and about 1.0-1.3 mg/dL in adults.
        return mgPerDl is < 0.1m or > 2m
            ? errors.Fail<SerumCreatinine>(PatientField.CreatinineUpperLimit, Invariant($"{entered.Value} {Symbol(entered.Unit)} is not a plausible upper limit of normal for serum creatinine (0.1-2 mg/dL, 8.84-177 µmol/L); check the value and its unit"))
            : SerumCreatinine.FromMgPerDl(mgPerDl);
    }

    public static string Symbol(CreatinineUnit unit) => unit == CreatinineUnit.MgPerDl ? "mg/dL" : "µmol/L";

    private static AnswerAlert Warning(string message) => new(AlertSeverity.Warning, AlertCodes.CreatinineUnit, message, null, MethodReferences.CreatinineReference);
}
