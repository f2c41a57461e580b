namespace Formulary.Clinical.Patients;

/// <summary>One age of <see cref="GrowthCharts"/>: the 3rd and 97th percentiles (body mass index from 2 years only).</summary>
internal sealed record GrowthChartRow(decimal AgeYears, decimal WeightP3Kg, decimal WeightP97Kg, decimal HeightP3Cm, decimal HeightP97Cm, decimal? BmiP3, decimal? BmiP97);
