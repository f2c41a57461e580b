using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Patients;

/// <summary>
/// Plausible weight and height for an age, to catch unit and typing errors (180 "kg" for a
/// 4-year-old, 55 "cm" for a 14-year-old), not to judge growth. The percentiles below are read
/// (rounded, lowest girl/boy P3 and highest girl/boy P97) from:
///   - WHO Child Growth Standards (2006), weight-for-age and length/height-for-age, under 2 years;
///   - CDC 2000 growth charts (Kuczmarski RJ et al., Vital Health Stat 11(246), 2002), 2 to 20 years.
/// They are then widened so that only errors fall outside: weight from 0.65 × P3 to 2 × P97
/// (severe wasting to severe obesity), height from 0.8 × P3 to 1.12 × P97 (skeletal dysplasias to
/// gigantism). Newborn rows are lowered further for extreme prematurity. From 20 years on the
/// adult limits apply. Between rows the limits are interpolated linearly.
/// </summary>
public static class PlausibleRanges
{
    public const decimal WeightLowFactor = 0.65m;
    public const decimal WeightHighFactor = 2m;
    public const decimal HeightLowFactor = 0.8m;
    public const decimal HeightHighFactor = 1.12m;

    /// <summary>Adults: 25-400 kg, 90-250 cm (reported extremes of adult illness, obesity and stature, rounded out).</summary>
    public static readonly (decimal Min, decimal Max) AdultWeightKg = (25m, 400m);

    public static readonly (decimal Min, decimal Max) AdultHeightCm = (90m, 250m);

    /// <summary>Body mass index outside this range means weight and height cannot belong to the same person.</summary>
    public static readonly (decimal Min, decimal Max) BodyMassIndex = (7m, 100m);

    private const decimal AdultFromYears = 20m;

    private static readonly GrowthReference[] Rows =
    [
        // Newborn: P3 replaced by extreme-prematurity limits (about 24 weeks' gestation: 0.5 kg, 30 cm).
        new(0m, 0.8m, 4.4m, 37.5m, 53.7m),
        new(0.5m, 6.0m, 9.8m, 61.5m, 72.0m),
        new(1m, 7.5m, 12.0m, 69.5m, 80.5m),
        new(2m, 9.8m, 15.3m, 81m, 94m),
        new(4m, 12.6m, 21.0m, 95m, 110m),
        new(6m, 16.0m, 27.5m, 107m, 124m),
        new(8m, 19.8m, 36.5m, 117m, 137m),
        new(10m, 24.0m, 48.0m, 127m, 149m),
        new(12m, 29.0m, 62.0m, 137m, 163m),
        new(14m, 35.0m, 75.0m, 148m, 178m),
        new(16m, 41.0m, 86.0m, 150m, 186m),
        new(18m, 43.0m, 92.0m, 151m, 188m),
    ];

    /// <summary>The 3rd and 97th percentile weight for the age (lowest girl/boy P3, highest P97); null from 20 years.</summary>
    public static (decimal P3, decimal P97)? WeightPercentilesKg(Age age) =>
        age.Years >= AdultFromYears ? null : Interpolate(age, r => r.WeightP3Kg, r => r.WeightP97Kg, (Rows[^1].WeightP3Kg, Rows[^1].WeightP97Kg));

    /// <summary>The 3rd and 97th percentile height for the age (lowest girl/boy P3, highest P97); null from 20 years.</summary>
    public static (decimal P3, decimal P97)? HeightPercentilesCm(Age age) =>
        age.Years >= AdultFromYears ? null : Interpolate(age, r => r.HeightP3Cm, r => r.HeightP97Cm, (Rows[^1].HeightP3Cm, Rows[^1].HeightP97Cm));

    public static (decimal Min, decimal Max) WeightKg(Age age) =>
        age.Years >= AdultFromYears ? AdultWeightKg : Interpolate(age, r => r.WeightP3Kg * WeightLowFactor, r => r.WeightP97Kg * WeightHighFactor, AdultWeightKg);

    public static (decimal Min, decimal Max) HeightCm(Age age) =>
        age.Years >= AdultFromYears ? AdultHeightCm : Interpolate(age, r => r.HeightP3Cm * HeightLowFactor, r => r.HeightP97Cm * HeightHighFactor, AdultHeightCm);

    private static (decimal Min, decimal Max) Interpolate(Age age, Func<GrowthReference, decimal> low, Func<GrowthReference, decimal> high, (decimal Min, decimal Max) adult)
    {
        for (var i = 0; i < Rows.Length; i++)
        {
            var row = Rows[i];
            var next = i + 1 < Rows.Length ? Rows[i + 1] : null;
            var nextAge = next?.AgeYears ?? AdultFromYears;
            if (age.Years < row.AgeYears || age.Years >= nextAge)
            {
                continue;
            }

            var t = (age.Years - row.AgeYears) / (nextAge - row.AgeYears);
            var (nextLow, nextHigh) = next is null ? adult : (low(next), high(next));
            return (Round(low(row) + (t * (nextLow - low(row)))), Round(high(row) + (t * (nextHigh - high(row)))));
        }

        throw new ArgumentOutOfRangeException(nameof(age), age, "no growth reference row for this age");
    }

    private static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
