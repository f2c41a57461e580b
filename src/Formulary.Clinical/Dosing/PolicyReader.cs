using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Dosing;

/// <summary>Checks institution policy input against <see cref="PolicyLimits"/>; out-of-range values are refused by field.</summary>
internal static class PolicyReader
{
    public static DosePolicy Read(PolicyInput input, ReadErrors errors)
    {
        var policy = DosePolicy.Default;
        if (input.BsaFormula is { } formula && !Enum.IsDefined(formula))
        {
            errors.Add(PatientField.BsaFormula, "is not a known formula; use mosteller, dubois, haycock, gehan-george or boyd");
        }
        else if (input.BsaFormula is { } known)
        {
            policy = policy with { Formula = known };
        }

        if (input.BsaCapM2 is { } cap)
        {
            if (cap is < PolicyLimits.MinBsaCapM2 or > PolicyLimits.MaxBsaCapM2)
            {
                errors.Add(PatientField.BsaCap, Invariant($"{cap} m² is outside the documented range of a BSA cap ({PolicyLimits.MinBsaCapM2}-{PolicyLimits.MaxBsaCapM2} m²)"));
            }
            else
            {
                policy = policy with { BsaCap = BodySurfaceArea.FromSquareMetres(cap) };
            }
        }

        if (input.RoundingIncrementMg is { } increment)
        {
            if (increment is < PolicyLimits.MinRoundingIncrementMg or > PolicyLimits.MaxRoundingIncrementMg)
            {
                errors.Add(PatientField.RoundingIncrement, Invariant($"{increment} mg is outside the documented range of a rounding increment ({PolicyLimits.MinRoundingIncrementMg}-{PolicyLimits.MaxRoundingIncrementMg} mg)"));
            }
            else
            {
                policy = policy with { RoundingIncrementMg = increment };
            }
        }

        if (input.RoundingWarningPercent is { } percent)
        {
            if (percent is < PolicyLimits.MinRoundingWarningPercent or > PolicyLimits.MaxRoundingWarningPercent)
            {
                errors.Add(PatientField.RoundingWarningPercent, Invariant($"{percent}% is outside the documented range of the rounding warning threshold ({PolicyLimits.MinRoundingWarningPercent}-{PolicyLimits.MaxRoundingWarningPercent}%; HOPA recommends rounding within 10%)"));
            }
            else
            {
                policy = policy with { RoundingWarningPercent = percent };
            }
        }

        return policy;
    }
}
