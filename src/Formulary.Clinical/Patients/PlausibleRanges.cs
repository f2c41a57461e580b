using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Patients;

/// <summary>
/// Plausible weight and height for an age, to catch unit and typing errors (180 "kg" for a
/// 4-year-old, 55 "cm" for a 14-year-old), not to judge growth. They are the growth-chart bands of
/// <see cref="GrowthCharts"/> for either sex (lower P3 of girls and boys, higher P97), widened so that
/// only errors fall outside: weight from 0.65 × P3 to 2 × P97 (severe wasting to severe obesity),
/// height from 0.8 × P3 to 1.12 × P97 (skeletal dysplasias to gigantism). At birth the lower limits
/// are those of extreme prematurity (about 24 weeks' gestation: 0.5 kg, 30 cm), rising linearly to the
/// 6-month limits. From 20 years on the adult limits apply.
/// </summary>
public static class PlausibleRanges
{
    public const decimal WeightLowFactor = 0.65m;
    public const decimal WeightHighFactor = 2m;
    public const decimal HeightLowFactor = 0.8m;
    public const decimal HeightHighFactor = 1.12m;

    /// <summary>The lowest weight and length at birth still plausible: extreme prematurity (about 24 weeks' gestation).</summary>
    public const decimal NewbornLowestKg = 0.5m;

    public const decimal NewbornLowestCm = 30m;

    /// <summary>Adults: 25-400 kg, 90-250 cm (reported extremes of adult illness, obesity and stature, rounded out).</summary>
    public static readonly (decimal Min, decimal Max) AdultWeightKg = (25m, 400m);

    public static readonly (decimal Min, decimal Max) AdultHeightCm = (90m, 250m);

    /// <summary>Body mass index outside this range means weight and height cannot belong to the same person.</summary>
    public static readonly (decimal Min, decimal Max) BodyMassIndex = (7m, 100m);

    private const decimal PrematurityUntilYears = 0.5m;

    /// <summary>The 3rd and 97th percentile weight for the age and sex (either sex's widest band when not known); null from 20 years.</summary>
    public static (decimal P3, decimal P97)? WeightPercentilesKg(Age age, Sex? sex = null) =>
        age.Years >= GrowthCharts.AdultFromYears ? null : GrowthCharts.Band(age, sex, r => r.WeightP3Kg, r => r.WeightP97Kg);

    /// <summary>The 3rd and 97th percentile height for the age and sex (either sex's widest band when not known); null from 20 years.</summary>
    public static (decimal P3, decimal P97)? HeightPercentilesCm(Age age, Sex? sex = null) =>
        age.Years >= GrowthCharts.AdultFromYears ? null : GrowthCharts.Band(age, sex, r => r.HeightP3Cm, r => r.HeightP97Cm);

    /// <summary>The 3rd and 97th percentile body mass index for the age and sex, from 2 years (the 20-year band for adults); null under 2.</summary>
    public static (decimal P3, decimal P97)? BodyMassIndexPercentiles(Age age, Sex? sex = null) =>
        GrowthCharts.Band(age, sex, r => r.BmiP3, r => r.BmiP97);

    public static (decimal Min, decimal Max) WeightKg(Age age) =>
        Widened(age, a => WeightPercentilesKg(a), WeightLowFactor, WeightHighFactor, NewbornLowestKg, AdultWeightKg);

    public static (decimal Min, decimal Max) HeightCm(Age age) =>
        Widened(age, a => HeightPercentilesCm(a), HeightLowFactor, HeightHighFactor, NewbornLowestCm, AdultHeightCm);

    private static (decimal Min, decimal Max) Widened(Age age, Func<Age, (decimal P3, decimal P97)?> band, decimal lowFactor, decimal highFactor, decimal newbornLowest, (decimal Min, decimal Max) adult)
    {
        if (band(age) is not var (p3, p97))
        {
            return adult;
        }

        var min = p3 * lowFactor;
        if (age.Years < PrematurityUntilYears)
        {
            var atSixMonths = band(Age.FromYears(PrematurityUntilYears))!.Value.P3 * lowFactor;
            min = newbornLowest + ((atSixMonths - newbornLowest) * (age.Years / PrematurityUntilYears));
        }

        return (Round(min), Round(p97 * highFactor));
    }

    private static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
