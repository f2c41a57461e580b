namespace Formulary.Clinical.Patients;

/// <summary>
/// One row of the growth reference: the lowest 3rd and highest 97th percentile of weight and
/// height at an age, across girls and boys.
/// </summary>
internal sealed record GrowthReference(decimal AgeYears, decimal WeightP3Kg, decimal WeightP97Kg, decimal HeightP3Cm, decimal HeightP97Cm);
