namespace Formulary.Clinical.Profiles;

/// <summary>Below this age the monograph says safety and efficacy are not established: no dose is computed.</summary>
public sealed record AgeLimit(decimal BelowYears, Citation Source);
