namespace Formulary.Clinical.Profiles;

/// <summary>What must hold before the next cycle; <see cref="AncAtLeast"/> (10⁹/L) when it is a count.</summary>
public sealed record CycleCriterion(string Code, string Text, decimal? AncAtLeast, Citation Source);
