using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;
using Formulary.Clinical.Tests.Dosing;

namespace Formulary.Clinical.Tests.Patients;

/// <summary>Implausible, ambiguous and missing input is refused, naming the field.</summary>
public sealed class PatientReaderTests
{
    private readonly DoseEngine _engine = new(FixedClock.OnFirstOfMarch2026);

    public static TheoryData<string, DoseRequest> Refusals => new()
    {
        // 180 kg for a 4-year-old (plausible 8.2-42 kg: CDC P3 12.6 × 0.65, P97 21 × 2)
        { "weightKg", Requests.Child with { AgeYears = 4m, WeightKg = 180m, HeightCm = 105m } },
        // 55 "cm" for a 14-year-old (probably 55 in = 139.7 cm; plausible from 148 × 0.8 = 118.4 cm)
        { "heightCm", Requests.Child with { AgeYears = 14m, WeightKg = 45m, HeightCm = 55m } },
        // creatinine 88 "mg/dL" is 88 µmol/L = 1.0 mg/dL
        { "scrMgDl", Requests.Child with { ScrMgDl = 88m } },
        { "scrUmolL", Requests.Child with { ScrMgDl = null, ScrUmolL = 0.6m } },
        { "weightKg", Requests.Child with { WeightKg = 0m } },
        { "weightKg", Requests.Child with { WeightKg = -32m } },
        { "heightCm", Requests.Child with { HeightCm = 0m } },
        { "heightCm", Requests.Child with { HeightCm = -138m } },
        { "scrMgDl", Requests.Child with { ScrMgDl = 0m } },
        { "ageYears", Requests.Child with { AgeYears = -1m } },
        { "ageYears", Requests.Child with { AgeYears = null } },
        { "sex", Requests.Child with { Sex = null } },
        { "sex", Requests.Child with { Sex = "x" } },
        { "weightKg", Requests.Child with { WeightKg = null } },
        { "weightKg", Requests.Child with { WeightLb = 70m } },
        { "heightCm", Requests.Child with { HeightCm = null } },
        { "scrMgDl", Requests.Child with { ScrMgDl = null } },
        { "scrMgDl", Requests.Child with { ScrUmolL = 44m } },
        { "scrUlnMgDl", Requests.Child with { ScrUlnMgDl = 62m } },
        { "hepatic", Requests.Child with { Hepatic = "a bit" } },
        { "startDate", Requests.Child with { StartDate = "02/03/2026" } },
        { "bsaFormula", Requests.Child with { BsaFormula = "fujimoto" } },
        { "bsaCap", Requests.Child with { BsaCap = 0m } },
        { "doseRoundingMg", Requests.Child with { DoseRoundingMg = -1m } },
        { "pregnant", Requests.Child with { Pregnant = true } },
        // the largest decimals: refused, never an overflow
        { "weightLb", Requests.Child with { WeightKg = null, WeightLb = decimal.MaxValue } },
        { "heightIn", Requests.Child with { HeightCm = null, HeightIn = decimal.MaxValue } },
        { "scrUmolL", Requests.Child with { ScrMgDl = null, ScrUmolL = decimal.MaxValue } },
        { "ageYears", Requests.Child with { AgeYears = decimal.MaxValue } },
        { "bsaCap", Requests.Child with { BsaCap = decimal.MaxValue } },
        { "doseRoundingMg", Requests.Child with { DoseRoundingMg = decimal.MinValue } },
        // issue 12.7: a rounding of 1e-28 mg overflowed the division; a day 1 in 9999 overflowed the calendar
        { "doseRoundingMg", Requests.Child with { DoseRoundingMg = 0.0000000000000000000000000001m } },
        { "startDate", Requests.Child with { StartDate = "9999-12-31" } },
        { "startDate", Requests.Child with { StartDate = "0001-01-01" } },
        // a 10-year-old's height measured 2 years before the weight (day 1 is 2026-03-02)
        { "heightMeasuredOn", Requests.Child with { HeightMeasuredOn = "2024-02-20", WeightMeasuredOn = "2026-02-27" } },
        { "weightMeasuredOn", Requests.Child with { WeightMeasuredOn = "2026-04-01" } },
        { "weightMeasuredOn", Requests.Child with { WeightMeasuredOn = "yesterday" } },
        // 100 kg for a 10-year-old is above 2 × P97 (48 × 2 = 96 kg)
        { "weightKg", Requests.Child with { WeightKg = 100m } },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Dose_BadField_RefusedNamingField(string field, DoseRequest request)
    {
        var answer = _engine.Dose(request, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Refused, answer.Status);
        Assert.Contains(answer.Errors, e => e.Field == field && e.Message.Length > 10);
        Assert.Null(answer.DosePerDayMg);
    }

    [Fact]
    public void Dose_SeveralBadFields_NamesEach()
    {
        var answer = _engine.Dose(Requests.Child with { WeightKg = 0m, HeightCm = -1m, Sex = "?" }, TestProfiles.Invented);

        Assert.Equal(["heightCm", "sex", "weightKg"], answer.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dose_AdultHeightYearsOld_Accepted()
    {
        // adults no longer grow: a 5-year-old height is fine
        var answer = _engine.Dose(Requests.Child with { AgeYears = 40m, WeightKg = 70m, HeightCm = 170m, ScrMgDl = 0.9m, ScrUlnMgDl = 1.2m, HeightMeasuredOn = "2021-01-10", WeightMeasuredOn = "2026-03-01" }, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Ok, answer.Status);
    }

    [Fact]
    public void Dose_WeightInPoundsAndHeightInInches_Accepted()
    {
        // 70.548 lb × 0.45359237 = 32.0000 kg; 54.3307 in × 2.54 = 138.0000 cm
        var answer = _engine.Dose(Requests.Child with { WeightKg = null, WeightLb = 70.548m, HeightCm = null, HeightIn = 54.3307m }, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Ok, answer.Status);
        Assert.Equal(11.1m, answer.DosePerDayMg);
    }

    [Fact]
    public void Dose_CreatinineInMicromol_Accepted()
    {
        // 44.2 µmol/L / 88.4 = 0.5 mg/dL
        var answer = _engine.Dose(Requests.Child with { ScrMgDl = null, ScrUmolL = 44.2m }, TestProfiles.Invented);

        Assert.Equal(114.0m, answer.Renal!.Value);
    }

    [Theory]
    // 4 years: CDC P3 12.6 × 0.65 = 8.19 → 8.2; P97 21.0 × 2 = 42.0
    [InlineData(4, 8.2, 42.0)]
    // 14 years: 35 × 0.65 = 22.75 → 22.8; 75 × 2 = 150
    [InlineData(14, 22.8, 150.0)]
    // 3 years: halfway between 2 (6.37-30.6) and 4 (8.19-42): 7.28, 36.3
    [InlineData(3, 7.3, 36.3)]
    // adults
    [InlineData(40, 25, 400)]
    public void WeightKg_Age_WidenedGrowthChartRange(decimal age, decimal min, decimal max) =>
        Assert.Equal((min, max), PlausibleRanges.WeightKg(Age.FromYears(age)));

    [Theory]
    // 14 years: 148 × 0.8 = 118.4; 178 × 1.12 = 199.36 → 199.4
    [InlineData(14, 118.4, 199.4)]
    [InlineData(30, 90, 250)]
    public void HeightCm_Age_WidenedGrowthChartRange(decimal age, decimal min, decimal max) =>
        Assert.Equal((min, max), PlausibleRanges.HeightCm(Age.FromYears(age)));
}
