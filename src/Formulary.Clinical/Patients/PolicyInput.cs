using Formulary.Clinical.Calculators;

namespace Formulary.Clinical.Patients;

/// <summary>
/// Institution policy as entered; every value is checked against its documented range
/// (<see cref="Dosing.PolicyLimits"/>) before use. Null means the default.
/// </summary>
public sealed record PolicyInput
{
    public BsaFormula? BsaFormula { get; init; }

    /// <summary>The largest BSA a dose is computed from, m².</summary>
    public decimal? BsaCapM2 { get; init; }

    /// <summary>Doses are rounded to a multiple of this many mg.</summary>
    public decimal? RoundingIncrementMg { get; init; }

    /// <summary>A rounded dose further than this from the calculated dose (in %) is a warning.</summary>
    public decimal? RoundingWarningPercent { get; init; }
}
