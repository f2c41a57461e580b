using Formulary.Clinical.Dosing;

namespace Formulary.Clinical.Tests.Dosing;

internal static class Requests
{
    /// <summary>A 10-year-old boy, 32 kg, 138 cm, creatinine 0.5 mg/dL (ULN 0.7), day 1 on 2 March 2026.</summary>
    public static DoseRequest Child { get; } = new()
    {
        AgeYears = 10m,
        Sex = "male",
        WeightKg = 32m,
        HeightCm = 138m,
        ScrMgDl = 0.5m,
        ScrUlnMgDl = 0.7m,
        StartDate = "2026-03-02",
    };
}
