using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Patients;

/// <summary>
/// The 3rd-97th percentile band of body mass index for age, for unit-confusion warnings only (never
/// a refusal). Read from the CDC 2000 BMI-for-age charts (Kuczmarski et al., Vital Health Stat
/// 11(246), 2002), lowest girl/boy P3 and highest girl/boy P97, rounded outward to 0.1 kg/m²;
/// linear between rows. The charts start at 2 years (no band below); the 20-year row is used for adults.
/// </summary>
internal static class BodyMassIndexPercentiles
{
    private const decimal FromYears = 2m;

    private static readonly (decimal Age, decimal P3, decimal P97)[] Rows =
    [
        (2m, 14.1m, 19.8m),
        (4m, 13.5m, 18.6m),
        (6m, 13.3m, 19.8m),
        (8m, 13.4m, 21.8m),
        (10m, 13.7m, 24.4m),
        (12m, 14.4m, 26.8m),
        (14m, 15.2m, 28.8m),
        (16m, 16.1m, 30.5m),
        (18m, 16.8m, 31.9m),
        (20m, 17.3m, 33.5m),
    ];

    public static (decimal P3, decimal P97)? For(Age age)
    {
        if (age.Years < FromYears)
        {
            return null;
        }

        if (age.Years >= Rows[^1].Age)
        {
            return (Rows[^1].P3, Rows[^1].P97);
        }

        var i = Array.FindLastIndex(Rows, r => r.Age <= age.Years);
        var (from, to) = (Rows[i], Rows[i + 1]);
        var t = (age.Years - from.Age) / (to.Age - from.Age);
        return (Round(from.P3 + (t * (to.P3 - from.P3))), Round(from.P97 + (t * (to.P97 - from.P97))));
    }

    private static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
