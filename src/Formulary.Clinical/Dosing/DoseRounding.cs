using Formulary.Clinical.Quantities;
using Formulary.Clinical.References;

namespace Formulary.Clinical.Dosing;

/// <summary>
/// The rounding policy, the same for the seed's daily dose and every general regimen: one rounding to a
/// multiple of the increment; a change of more than the threshold (HOPA: within 10%) is a warning;
/// a rounded dose of 0 mg is never given (the caller refuses).
/// </summary>
internal static class DoseRounding
{
    /// <summary><paramref name="PercentChange"/> is (rounded − calculated) / calculated, to 0.1%.</summary>
    public sealed record Outcome(Dose Calculated, Dose Rounded, decimal PercentChange)
    {
        public bool IsZero => Rounded.Milligrams == 0m;
    }

    public static Outcome Apply(Dose calculated, DosePolicy policy)
    {
        var rounded = calculated.RoundTo(policy.RoundingIncrementMg, policy.Midpoint);
        var percent = calculated.Milligrams == 0m ? 0m : Math.Round((rounded.Milligrams - calculated.Milligrams) / calculated.Milligrams * 100m, 1, MidpointRounding.AwayFromZero);
        return new(calculated, rounded, percent);
    }

    /// <summary>The ROUNDING_CHANGE warning when the change is above the threshold; <paramref name="what"/> names the dose ("" for the daily dose).</summary>
    public static void WarnWhenFar(Outcome outcome, DosePolicy policy, AnswerBuilder answer, string what = "")
    {
        if (outcome.IsZero || Math.Abs(outcome.PercentChange) <= policy.RoundingWarningPercent)
        {
            return;
        }

        answer.Alert(
            AlertSeverity.Warning,
            AlertCodes.RoundingChange,
            Invariant($"Rounding {what}to a multiple of {policy.RoundingIncrementMg} mg changes the dose by {outcome.PercentChange:+0.0;-0.0}% ({outcome.Calculated.Milligrams:0.####} mg → {outcome.Rounded}), more than the {policy.RoundingWarningPercent}% threshold (HOPA: round within 10% of the calculated dose). Check the rounding increment."),
            MethodReferences.DoseRounding);
    }

    /// <summary>The refusal when a dose rounds to 0 mg.</summary>
    public static string ZeroMessage(Dose calculated, DosePolicy policy, string what = "") =>
        Invariant($"rounding {what}{calculated.Milligrams:0.####} mg to a multiple of {policy.RoundingIncrementMg} mg gives 0 mg; a dose of 0 mg is never given: use a smaller increment");
}
