using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Patients;

/// <summary>
/// The 3rd and 97th percentiles of weight, height and body mass index for age and sex, for the
/// unit-confusion warnings (<see cref="BodyReader"/>) and, widened, for the hard plausibility limits
/// (<see cref="PlausibleRanges"/>). Sources, read from the published percentile data files:
///   - under 2 years: WHO Child Growth Standards (2006), weight-for-age and length-for-age monthly
///     percentile tables (tab_wfa_boys/girls_p_0_5, tab_lhfa_boys/girls_p_0_2), months 0, 6, 12, 18;
///     no body mass index band (the CDC charts start at 2 years);
///   - 2 to 20 years: CDC 2000 growth charts (Kuczmarski RJ et al., Vital Health Stat 11(246), 2002),
///     percentile data files wtage.csv, statage.csv and bmiagerev.csv, the row at each whole year
///     (Agemos 12 × years + 0.5; 240 for weight and stature at 20 years, the last row those files have).
/// Each P3 is rounded down and each P97 up to 0.1 (outward, so rounding never adds a warning).
/// Between rows the band is interpolated linearly; from 20 years the 20-year row holds (body mass index
/// only: weight and height of adults have no percentile band here). Without a sex the band is the
/// widest of girls' and boys' (lower P3, higher P97).
/// </summary>
internal static class GrowthCharts
{
    public const decimal AdultFromYears = 20m;

    public static IReadOnlyList<GrowthChartRow> Boys { get; } =
    [
        new(0m, 2.5m, 4.3m, 46.3m, 53.4m, null, null),
        new(0.5m, 6.4m, 9.7m, 63.6m, 71.6m, null, null),
        new(1m, 7.8m, 11.8m, 71.3m, 80.2m, null, null),
        new(1.5m, 8.9m, 13.5m, 77.2m, 87.3m, null, null),
        new(2m, 10.4m, 15.7m, 80.2m, 93.5m, 14.5m, 19.8m),
        new(3m, 11.8m, 18.1m, 88.3m, 103.0m, 14.1m, 18.7m),
        new(4m, 13.2m, 21.1m, 94.5m, 110.6m, 13.8m, 18.3m),
        new(5m, 14.8m, 24.5m, 100.3m, 117.9m, 13.6m, 18.5m),
        new(6m, 16.5m, 28.3m, 106.1m, 125.2m, 13.5m, 19.2m),
        new(7m, 18.2m, 32.6m, 111.9m, 132.4m, 13.5m, 20.1m),
        new(8m, 20.1m, 37.5m, 117.4m, 139.3m, 13.5m, 21.3m),
        new(9m, 22.0m, 43.1m, 122.4m, 145.7m, 13.7m, 22.5m),
        new(10m, 24.1m, 49.5m, 126.6m, 151.6m, 13.9m, 23.8m),
        new(11m, 26.5m, 56.3m, 130.8m, 157.3m, 14.2m, 25.0m),
        new(12m, 29.4m, 63.4m, 135.6m, 163.8m, 14.6m, 26.1m),
        new(13m, 32.9m, 70.3m, 141.7m, 171.4m, 15.1m, 27.1m),
        new(14m, 37.0m, 77.0m, 148.5m, 178.9m, 15.6m, 27.9m),
        new(15m, 41.5m, 83.3m, 154.6m, 184.2m, 16.2m, 28.7m),
        new(16m, 45.7m, 89.0m, 158.8m, 187.1m, 16.7m, 29.4m),
        new(17m, 49.2m, 93.8m, 161.2m, 188.7m, 17.3m, 30.0m),
        new(18m, 51.6m, 97.3m, 162.5m, 189.5m, 17.8m, 30.7m),
        new(19m, 53.2m, 99.2m, 163.0m, 190.0m, 18.3m, 31.5m),
        new(20m, 54.0m, 100.8m, 163.3m, 190.2m, 18.7m, 32.5m),
    ];

    public static IReadOnlyList<GrowthChartRow> Girls { get; } =
    [
        new(0m, 2.4m, 4.2m, 45.6m, 52.7m, null, null),
        new(0.5m, 5.8m, 9.2m, 61.5m, 70.0m, null, null),
        new(1m, 7.1m, 11.3m, 69.2m, 78.9m, null, null),
        new(1.5m, 8.2m, 13.0m, 75.2m, 86.2m, null, null),
        new(2m, 10.0m, 15.2m, 78.8m, 92.0m, 14.1m, 19.6m),
        new(3m, 11.3m, 18.0m, 86.9m, 101.8m, 13.8m, 18.8m),
        new(4m, 12.7m, 21.3m, 93.0m, 109.6m, 13.5m, 18.7m),
        new(5m, 14.3m, 25.0m, 99.3m, 117.4m, 13.3m, 19.0m),
        new(6m, 16.0m, 29.0m, 105.7m, 125.3m, 13.2m, 19.8m),
        new(7m, 17.7m, 33.4m, 111.8m, 132.8m, 13.2m, 20.8m),
        new(8m, 19.5m, 38.6m, 117.2m, 139.5m, 13.2m, 22.0m),
        new(9m, 21.5m, 44.6m, 121.8m, 145.4m, 13.4m, 23.3m),
        new(10m, 23.9m, 51.5m, 125.9m, 151.3m, 13.7m, 24.7m),
        new(11m, 26.8m, 58.8m, 130.7m, 158.2m, 14.0m, 26.0m),
        new(12m, 30.0m, 66.0m, 137.4m, 165.2m, 14.4m, 27.2m),
        new(13m, 33.4m, 72.4m, 144.2m, 170.2m, 14.9m, 28.4m),
        new(14m, 36.7m, 77.7m, 148.1m, 172.9m, 15.4m, 29.4m),
        new(15m, 39.5m, 81.7m, 149.7m, 174.2m, 15.9m, 30.4m),
        new(16m, 41.8m, 84.4m, 150.4m, 174.8m, 16.4m, 31.4m),
        new(17m, 43.3m, 86.2m, 150.7m, 175.1m, 16.8m, 32.2m),
        new(18m, 44.2m, 87.5m, 150.9m, 175.3m, 17.1m, 33.1m),
        new(19m, 44.7m, 88.5m, 151.0m, 175.4m, 17.3m, 34.1m),
        new(20m, 45.0m, 89.1m, 151.1m, 175.5m, 17.4m, 35.2m),
    ];

    /// <summary>The P3-P97 band of one measure for the age and sex (both sexes' widest band when the sex is not known); null where the charts have none.</summary>
    public static (decimal P3, decimal P97)? Band(Age age, Sex? sex, Func<GrowthChartRow, decimal?> p3, Func<GrowthChartRow, decimal?> p97) => sex switch
    {
        Sex.Male => Band(Boys, age, p3, p97),
        Sex.Female => Band(Girls, age, p3, p97),
        _ => Widest(Band(Boys, age, p3, p97), Band(Girls, age, p3, p97)),
    };

    private static (decimal P3, decimal P97)? Widest((decimal P3, decimal P97)? a, (decimal P3, decimal P97)? b) =>
        a is { } x && b is { } y ? (Math.Min(x.P3, y.P3), Math.Max(x.P97, y.P97)) : null;

    private static (decimal P3, decimal P97)? Band(IReadOnlyList<GrowthChartRow> rows, Age age, Func<GrowthChartRow, decimal?> p3, Func<GrowthChartRow, decimal?> p97)
    {
        var years = Math.Min(age.Years, rows[^1].AgeYears);
        var i = rows.Count - 1;
        while (i > 0 && rows[i].AgeYears > years)
        {
            i--;
        }

        var from = rows[i];
        var to = i + 1 < rows.Count ? rows[i + 1] : from;
        if (p3(from) is not { } lowFrom || p97(from) is not { } highFrom || p3(to) is not { } lowTo || p97(to) is not { } highTo)
        {
            return null;
        }

        var t = to.AgeYears == from.AgeYears ? 0m : (years - from.AgeYears) / (to.AgeYears - from.AgeYears);
        return (Round(lowFrom + (t * (lowTo - lowFrom))), Round(highFrom + (t * (highTo - highFrom))));
    }

    private static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
