namespace Formulary.Clinical.Profiles;

/// <summary>After significant toxicity the dose is multiplied by <see cref="Factor"/> (0.75 for "reduce by 25%").</summary>
public sealed record ToxicityReduction(decimal Factor, Citation Source);
