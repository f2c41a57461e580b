namespace Formulary.Clinical.Profiles;

/// <summary>Under <see cref="WeightBelowKg"/>, consider an infusion longer than the regimen's time.</summary>
public sealed record SmallPatientInfusion(decimal WeightBelowKg, string Advice, Citation Source);
