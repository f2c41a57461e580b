using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Calculators;

/// <summary>
/// Kidney function from serum creatinine. Under 18 the bedside Schwartz equation (derived and
/// validated in children 1-16 with the enzymatic creatinine assays in use today); from 18 the
/// Cockcroft-Gault equation (derived in adults; the basis of most drug labels' CrCl bands).
/// </summary>
public static class RenalCalculator
{
    public const decimal AdultFromYears = 18m;

    /// <summary>Schwartz GJ et al. New equations to estimate GFR in children with CKD. J Am Soc Nephrol 2009;20:629-637.</summary>
    public const decimal SchwartzK = 0.413m;

    public static RenalEquation EquationFor(Age age) => age.Years >= AdultFromYears ? RenalEquation.CockcroftGault : RenalEquation.BedsideSchwartz;

    /// <summary>
    /// Cockcroft DW, Gault MH. Prediction of creatinine clearance from serum creatinine.
    /// Nephron 1976;16:31-41: CrCl = (140 − age) × weight kg / (72 × SCr mg/dL), × 0.85 for women.
    /// Actual body weight is used: the monograph names no weight descriptor.
    /// </summary>
    public static RenalFunction CockcroftGault(Age age, BodyWeight weight, SerumCreatinine creatinine, Sex sex)
    {
        if (age.Years >= 140m)
        {
            throw new ArgumentOutOfRangeException(nameof(age), age, "Cockcroft-Gault is undefined at 140 years and over");
        }

        var clearance = (140m - age.Years) * weight.Kilograms / (72m * creatinine.MgPerDl);
        return RenalFunction.CreatinineClearance(sex == Sex.Female ? clearance * 0.85m : clearance);
    }

    /// <summary>Bedside Schwartz: eGFR (mL/min/1.73 m²) = 0.413 × height cm / SCr mg/dL.</summary>
    public static RenalFunction BedsideSchwartz(Height height, SerumCreatinine creatinine) =>
        RenalFunction.Egfr(SchwartzK * height.Centimetres / creatinine.MgPerDl);
}
