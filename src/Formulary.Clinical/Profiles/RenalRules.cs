namespace Formulary.Clinical.Profiles;

/// <summary>
/// Renal rules: severe impairment by serum creatinine against the upper limit of normal for age
/// (a contraindication when the profile lists it), bands of kidney function with their factors,
/// and a caution. Above the highest band no adjustment applies; below the lowest band the
/// monograph is silent and the engine computes no dose.
/// </summary>
public sealed record RenalRules
{
    /// <summary>Severe when serum creatinine ≥ this multiple of the ULN for age (null: not defined by creatinine).</summary>
    public decimal? SevereScrTimesUln { get; init; }

    public Citation? SevereSource { get; init; }

    public IReadOnlyList<RenalBand> Bands { get; init; } = [];

    public CitedText? Caution { get; init; }
}
