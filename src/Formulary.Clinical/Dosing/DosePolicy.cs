using Formulary.Clinical.Calculators;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Dosing;

/// <summary>
/// Institution policy for a dose: BSA formula, optional BSA cap, rounding increment and midpoint
/// rule. Rounding is applied once, to the final daily dose.
/// </summary>
public sealed record DosePolicy
{
    public static DosePolicy Default { get; } = new();

    public BsaFormula Formula { get; init; } = BsaFormula.Mosteller;
    public BodySurfaceArea? BsaCap { get; init; }
    public decimal RoundingIncrementMg { get; init; } = 0.1m;
    public MidpointRounding Midpoint { get; init; } = MidpointRounding.AwayFromZero;
}
