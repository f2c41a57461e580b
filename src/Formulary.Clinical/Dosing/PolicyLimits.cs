namespace Formulary.Clinical.Dosing;

/// <summary>
/// The documented range of every institution policy value (docs/decisions/0002-clinical-engine.md).
/// A value outside is refused: a policy can make a dose rounder, never unrecognisable.
/// </summary>
public static class PolicyLimits
{
    /// <summary>Rounding increments from 0.01 mg (liquid preparations) to 50 mg (vial-size banding of large doses).</summary>
    public const decimal MinRoundingIncrementMg = 0.01m;

    public const decimal MaxRoundingIncrementMg = 50m;

    public const decimal DefaultRoundingIncrementMg = 0.1m;

    /// <summary>HOPA: rounding within 10% of the prescribed dose; an institution may warn earlier (1-10%).</summary>
    public const decimal MinRoundingWarningPercent = 1m;

    public const decimal MaxRoundingWarningPercent = 10m;

    public const decimal DefaultRoundingWarningPercent = 10m;

    /// <summary>BSA caps in use are 2.0-2.2 m²; below 1.5 m² a cap would cut ordinary adolescents' and adults' doses.</summary>
    public const decimal MinBsaCapM2 = 1.5m;

    public const decimal MaxBsaCapM2 = 3m;
}
