using System.Text.Json;
using Formulary.Clinical.Dosing;
using FsCheck.Xunit;

namespace Formulary.Clinical.Tests.Dosing;

/// <summary>Properties over generated adult patients (30 years, 170 cm; weight 40-150 kg; creatinine 0.6-2.5 mg/dL).</summary>
public sealed class DoseEnginePropertyTests
{
    private static readonly DoseEngine Engine = new(FixedClock.OnFirstOfMarch2026);

    [Property(MaxTest = 300)]
    public bool Dose_LargerBsa_NeverSmallerDose(ushort a, ushort b)
    {
        var (light, heavy) = (Weight(Math.Min(a, b)), Weight(Math.Max(a, b)));

        var small = Engine.Dose(Adult(light, 0.9m, false), TestProfiles.Invented);
        var large = Engine.Dose(Adult(heavy, 0.9m, false), TestProfiles.Invented);

        return small.BsaM2 <= large.BsaM2 && small.DosePerDayMg <= large.DosePerDayMg;
    }

    [Property(MaxTest = 300)]
    public bool Dose_AfterReduction_NeverAboveUnadjusted(ushort weight, ushort creatinine, bool toxicity)
    {
        var answer = Engine.Dose(Adult(Weight(weight), Creatinine(creatinine), toxicity), TestProfiles.Invented);

        return answer.DosePerDayMg is not { } dose || (dose <= answer.UnadjustedDosePerDayMg && dose > 0m);
    }

    [Property(MaxTest = 300)]
    public bool Dose_SameInput_SameOutputByteForByte(ushort weight, ushort creatinine, bool toxicity)
    {
        var request = Adult(Weight(weight), Creatinine(creatinine), toxicity);

        var first = JsonSerializer.Serialize(Engine.Dose(request, TestProfiles.Invented), JsonSerializerOptions.Web);
        var second = JsonSerializer.Serialize(new DoseEngine(FixedClock.OnFirstOfMarch2026).Dose(request, TestProfiles.Invented), JsonSerializerOptions.Web);

        return first == second;
    }

    [Property(MaxTest = 500)]
    public bool Dose_AnyNumbers_AnswerNeverThrows(decimal age, decimal kg, decimal cm, decimal scr, decimal uln, bool pounds)
    {
        var request = new DoseRequest
        {
            AgeYears = age,
            Sex = "female",
            WeightKg = pounds ? null : kg,
            WeightLb = pounds ? kg : null,
            HeightCm = pounds ? null : cm,
            HeightIn = pounds ? cm : null,
            ScrMgDl = pounds ? null : scr,
            ScrUmolL = pounds ? scr : null,
            ScrUlnMgDl = uln,
        };

        var answer = Engine.Dose(request, TestProfiles.Invented);

        return answer.Status is AnswerStatus.Ok or AnswerStatus.Refused or AnswerStatus.Contraindicated
            && (answer.Status != AnswerStatus.Refused || answer.Errors.Count > 0);
    }

    private static decimal Weight(ushort seed) => 40m + (seed % 1101 / 10m);

    private static decimal Creatinine(ushort seed) => 0.6m + (seed % 191 / 100m);

    private static DoseRequest Adult(decimal weightKg, decimal scrMgDl, bool toxicity) => new()
    {
        AgeYears = 30m,
        Sex = "male",
        WeightKg = weightKg,
        HeightCm = 170m,
        ScrMgDl = scrMgDl,
        ScrUlnMgDl = 1.2m,
        PriorToxicity = toxicity,
        StartDate = "2026-03-02",
    };
}
