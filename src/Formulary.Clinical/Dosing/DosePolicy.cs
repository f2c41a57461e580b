using Formulary.Clinical.Calculators;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Dosing;

/// <summary>
/// Institution policy for a dose, every value within <see cref="PolicyLimits"/>: BSA formula,
/// optional BSA cap, rounding increment, the rounding change that is warned about, and the midpoint
/// rule. Rounding is applied once, to the final daily dose.
/// </summary>
public sealed record DosePolicy
{
    public static DosePolicy Default { get; } = new();

    public BsaFormula Formula { get; init; } = BsaFormula.Mosteller;
    public BodySurfaceArea? BsaCap { get; init; }
    public decimal RoundingIncrementMg { get; init; } = PolicyLimits.DefaultRoundingIncrementMg;
    public decimal RoundingWarningPercent { get; init; } = PolicyLimits.DefaultRoundingWarningPercent;
    public MidpointRounding Midpoint { get; init; } = MidpointRounding.AwayFromZero;
}
