using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;
using Formulary.Clinical.Tests.Dosing;

namespace Formulary.Clinical.Tests.Patients;

/// <summary>Implausible, ambiguous and missing input is refused, naming the field.</summary>
public sealed class PatientReaderTests
{
    private readonly DoseEngine _engine = new(FixedClock.OnFirstOfMarch2026);

    public static TheoryData<PatientField, PatientInput> Refusals => new()
    {
        // 180 kg for a 4-year-old (plausible 8.2-42 kg: CDC P3 12.6 × 0.65, P97 21 × 2)
        { PatientField.Weight, Requests.Child with { AgeYears = 4m, Weight = Measure.Kilograms(180m), Height = Measure.Centimetres(105m) } },
        // 55 "cm" for a 14-year-old (probably 55 in = 139.7 cm; plausible from 148 × 0.8 = 118.4 cm)
        { PatientField.Height, Requests.Child with { AgeYears = 14m, Weight = Measure.Kilograms(45m), Height = Measure.Centimetres(55m) } },
        // creatinine 88 "mg/dL" is 88 µmol/L = 1.0 mg/dL
        { PatientField.Creatinine, Requests.Child with { Creatinine = Measure.MgPerDl(88m) } },
        { PatientField.Creatinine, Requests.Child with { Creatinine = Measure.MicromolPerLitre(0.6m) } },
        { PatientField.Weight, Requests.Child with { Weight = Measure.Kilograms(0m) } },
        { PatientField.Weight, Requests.Child with { Weight = Measure.Kilograms(-32m) } },
        { PatientField.Height, Requests.Child with { Height = Measure.Centimetres(0m) } },
        { PatientField.Height, Requests.Child with { Height = Measure.Centimetres(-138m) } },
        { PatientField.Creatinine, Requests.Child with { Creatinine = Measure.MgPerDl(0m) } },
        { PatientField.Age, Requests.Child with { AgeYears = -1m } },
        { PatientField.Age, Requests.Child with { AgeYears = null } },
        { PatientField.Sex, Requests.Child with { Sex = null } },
        { PatientField.Sex, Requests.Child with { Sex = (Sex)7 } },
        { PatientField.Hepatic, Requests.Child with { Hepatic = (HepaticImpairment)9 } },
        { PatientField.Pregnancy, Requests.Child with { Pregnant = (ScreenAnswer)5 } },
        { PatientField.BsaFormula, Requests.Child with { Policy = new PolicyInput { BsaFormula = (Clinical.Calculators.BsaFormula)42 } } },
        { PatientField.Weight, Requests.Child with { Weight = null } },
        // 70 lb = 31.75 kg passes; 7 lb = 3.2 kg is implausible at 10 years
        { PatientField.Weight, Requests.Child with { Weight = Measure.Pounds(7m) } },
        { PatientField.Height, Requests.Child with { Height = null } },
        { PatientField.Creatinine, Requests.Child with { Creatinine = null } },
        { PatientField.CreatinineUpperLimit, Requests.Child with { CreatinineUpperLimit = Measure.MgPerDl(62m) } },
        { PatientField.CreatinineUpperLimit, Requests.Child with { CreatinineUpperLimit = Measure.MicromolPerLitre(0.7m) } },
        // policy bounds: BSA cap 1.5-3 m², rounding 0.01-50 mg, warning 1-10 %
        { PatientField.BsaCap, Requests.Child with { Policy = new PolicyInput { BsaCapM2 = 0.1m } } },
        { PatientField.BsaCap, Requests.Child with { Policy = new PolicyInput { BsaCapM2 = 1.49m } } },
        { PatientField.RoundingIncrement, Requests.Child with { Policy = new PolicyInput { RoundingIncrementMg = -1m } } },
        { PatientField.RoundingIncrement, Requests.Child with { Policy = new PolicyInput { RoundingIncrementMg = 0.0000000000000000000000000001m } } },
        { PatientField.RoundingIncrement, Requests.Child with { Policy = new PolicyInput { RoundingIncrementMg = 100m } } },
        { PatientField.RoundingWarningPercent, Requests.Child with { Policy = new PolicyInput { RoundingWarningPercent = 25m } } },
        { PatientField.RoundingWarningPercent, Requests.Child with { Policy = new PolicyInput { RoundingWarningPercent = 0m } } },
        { PatientField.Pregnancy, Requests.Child with { Pregnant = ScreenAnswer.Yes } },
        // the largest decimals: refused, never an overflow
        { PatientField.Weight, Requests.Child with { Weight = Measure.Pounds(decimal.MaxValue) } },
        { PatientField.Height, Requests.Child with { Height = Measure.Inches(decimal.MaxValue) } },
        { PatientField.Creatinine, Requests.Child with { Creatinine = Measure.MicromolPerLitre(decimal.MaxValue) } },
        { PatientField.CreatinineUpperLimit, Requests.Child with { CreatinineUpperLimit = Measure.MicromolPerLitre(decimal.MinValue) } },
        { PatientField.Age, Requests.Child with { AgeYears = decimal.MaxValue } },
        { PatientField.BsaCap, Requests.Child with { Policy = new PolicyInput { BsaCapM2 = decimal.MaxValue } } },
        { PatientField.RoundingIncrement, Requests.Child with { Policy = new PolicyInput { RoundingIncrementMg = decimal.MinValue } } },
        // a day 1 in 9999 overflowed the calendar: day 1 is within a year of today (2026-03-01)
        { PatientField.StartDate, Requests.Child with { StartDate = new(9999, 12, 31) } },
        { PatientField.StartDate, Requests.Child with { StartDate = new(1, 1, 1) } },
        // issue 12.7: 100,000 medications made a 39 MB answer
        { PatientField.Medications, Requests.Child with { Medications = [.. Enumerable.Range(0, 100_000).Select(i => $"drug{i}")] } },
        { PatientField.Medications, Requests.Child with { Medications = [.. Enumerable.Range(0, 51).Select(i => $"drug{i}")] } },
        { PatientField.Medications, Requests.Child with { Medications = [new string('x', 101)] } },
        // a 10-year-old's height measured 2 years before the weight (day 1 is 2026-03-02)
        { PatientField.HeightDate, Requests.Child with { Height = Measure.Centimetres(138m, new(2024, 2, 20)), Weight = Measure.Kilograms(32m, new(2026, 2, 27)) } },
        // no weight date: the weight is taken as of day 1, and the height was measured 2026-03-02 − 2025-02-28 = 367 days before
        { PatientField.HeightDate, Requests.Child with { Height = Measure.Centimetres(138m, new(2025, 2, 28)) } },
        // a 25-year-old's height from 2016-03-02: 10 years before day 1, measured at 25 − 3653 / 365.25 = 15.0 years, still growing
        { PatientField.HeightDate, Requests.Adult with { AgeYears = 25m, Height = Measure.Centimetres(170m, new(2016, 3, 2)), Weight = Measure.Kilograms(70m, new(2026, 3, 1)) } },
        // the reverse: a weight 400 days before day 1 with no height date
        { PatientField.WeightDate, Requests.Child with { Weight = Measure.Kilograms(32m, new(2025, 1, 26)) } },
        // measurements after day 1 are refused, the creatinine included
        { PatientField.WeightDate, Requests.Child with { Weight = Measure.Kilograms(32m, new(2026, 4, 1)) } },
        { PatientField.HeightDate, Requests.Child with { Height = Measure.Centimetres(138m, new(2026, 3, 3)) } },
        { PatientField.CreatinineDate, Requests.Child with { Creatinine = Measure.MgPerDl(0.5m, new(2026, 3, 3)) } },
        // a weight or creatinine more than 30 days before day 1: 2026-01-30 to 2026-03-02 is 1 + 28 + 2 = 31 days;
        // a 10-year-old's creatinine from 2016-01-01, when the patient was an infant, decided the renal rules unseen
        { PatientField.WeightDate, Requests.Child with { Weight = Measure.Kilograms(32m, new(2026, 1, 30)) } },
        { PatientField.CreatinineDate, Requests.Child with { Creatinine = Measure.MgPerDl(0.5m, new(2026, 1, 30)) } },
        { PatientField.CreatinineDate, Requests.Child with { Creatinine = Measure.MgPerDl(0.5m, new(2016, 1, 1)), Weight = Measure.Kilograms(32m, new(2026, 3, 1)), Height = Measure.Centimetres(138m, new(2026, 3, 1)) } },
        // 100 kg for a 10-year-old is above 2 × P97 (48 × 2 = 96 kg)
        // 10 years: the widest P97 is the girls' 51.42912799 kg, rounded up to 51.5; × 2 = 103 kg
        { PatientField.Weight, Requests.Child with { Weight = Measure.Kilograms(110m) } },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Dose_BadField_RefusedNamingField(PatientField field, PatientInput input)
    {
        var answer = _engine.Dose(input, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Refused, answer.Status);
        Assert.Contains(answer.Errors, e => e.Field == field && e.Message.Length > 10);
        Assert.Null(answer.DosePerDayMg);
    }

    [Fact]
    public void Dose_SeveralBadFields_NamesEach()
    {
        var answer = _engine.Dose(Requests.Child with { Weight = Measure.Kilograms(0m), Height = Measure.Centimetres(-1m), Sex = null }, TestProfiles.Invented);

        Assert.Equal([PatientField.Sex, PatientField.Weight, PatientField.Height], answer.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void Dose_AdultHeightYearsOld_Accepted()
    {
        // adults no longer grow: a 5-year-old height is fine
        var answer = _engine.Dose(Requests.Adult with { Height = Measure.Centimetres(170m, new(2021, 1, 10)), Weight = Measure.Kilograms(70m, new(2026, 3, 1)) }, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Ok, answer.Status);
    }

    [Theory]
    // exactly 365 days apart is accepted: 2025-03-02 to 2026-03-02
    [InlineData(2025, 3, 2)]
    // leap day: 2024-02-29 to 2025-02-28 is 365 days; with day 1 on 2025-02-28
    [InlineData(2024, 2, 29)]
    public void Dose_HeightAYearBeforeDayOne_Accepted(int year, int month, int day)
    {
        var start = year == 2024 ? new DateOnly(2025, 2, 28) : Requests.DayOne;

        var answer = _engine.Dose(Requests.Child with { StartDate = start, Height = Measure.Centimetres(138m, new(year, month, day)) }, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Ok, answer.Status);
    }

    [Fact]
    public void Dose_WeightAndCreatinineThirtyDaysBeforeDayOne_Accepted()
    {
        // 2026-01-31 to 2026-03-02: 28 + 2 = 30 days, the oldest accepted
        var answer = _engine.Dose(Requests.Child with { Weight = Measure.Kilograms(32m, new(2026, 1, 31)), Creatinine = Measure.MgPerDl(0.5m, new(2026, 1, 31)) }, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Ok, answer.Status);
    }

    [Fact]
    public void Dose_WeightInPoundsAndHeightInInches_Accepted()
    {
        // 70.548 lb × 0.45359237 = 32.0000 kg; 54.3307 in × 2.54 = 138.0000 cm
        var answer = _engine.Dose(Requests.Child with { Weight = Measure.Pounds(70.548m), Height = Measure.Inches(54.3307m) }, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Ok, answer.Status);
        Assert.Equal(11.1m, answer.DosePerDayMg);
    }

    [Fact]
    public void Dose_OtherUnitsAndDates_TraceShowsTheEnteredValuesAndConversions()
    {
        // 70.5 lb × 0.45359237 = 31.978262 kg; 54.33 in × 2.54 = 137.9982 cm, shown to 0.01 cm as 138; 44.2 µmol/L ÷ 88.4 = 0.5 mg/dL; ULN 61.88 ÷ 88.4 = 0.7
        var answer = _engine.Dose(
            Requests.Child with
            {
                Weight = Measure.Pounds(70.5m, new(2026, 2, 27)),
                Height = Measure.Inches(54.33m),
                Creatinine = Measure.MicromolPerLitre(44.2m, new(2026, 2, 26)),
                CreatinineUpperLimit = Measure.MicromolPerLitre(61.88m),
            },
            TestProfiles.Invented);

        var patient = Assert.Single(answer.Trace, step => step.StartsWith("Patient: ", StringComparison.Ordinal));
        Assert.Contains("weight 31.978 kg (70.5 lb × 0.45359237 kg/lb; measured 2026-02-27)", patient, StringComparison.Ordinal);
        Assert.Contains("height 138 cm (54.33 in × 2.54 cm/in)", patient, StringComparison.Ordinal);
        Assert.Contains("serum creatinine 0.5 mg/dL (44.2 µmol/L ÷ 88.4 µmol/L per mg/dL; measured 2026-02-26)", patient, StringComparison.Ordinal);
        Assert.Contains("(laboratory ULN 0.7 mg/dL (61.88 µmol/L ÷ 88.4 µmol/L per mg/dL))", patient, StringComparison.Ordinal);
    }

    [Fact]
    public void Dose_CreatinineInMicromol_Accepted()
    {
        // 44.2 µmol/L / 88.4 = 0.5 mg/dL
        var answer = _engine.Dose(Requests.Child with { Creatinine = Measure.MicromolPerLitre(44.2m) }, TestProfiles.Invented);

        Assert.Equal(114.0m, answer.Renal!.Value);
    }

    [Theory]
    // CDC 2000 wtage.csv, girls and boys, the lower P3 and higher P97 (rounded outward to 0.1):
    // 4 years (Agemos 48.5): P3 girls 12.77431816 → 12.7; P97 girls 21.28615884 → 21.3; 12.7 × 0.65 = 8.255 → 8.3; 21.3 × 2 = 42.6
    [InlineData(4, 8.3, 42.6)]
    // 14 years (168.5): P3 girls 36.70143915 → 36.7; P97 girls 77.68816668 → 77.7; 36.7 × 0.65 = 23.855 → 23.9; 77.7 × 2 = 155.4
    [InlineData(14, 23.9, 155.4)]
    // 3 years (36.5): P3 girls 11.38824099 → 11.3; P97 boys 18.04570363 → 18.1; 11.3 × 0.65 = 7.345 → 7.3; 18.1 × 2 = 36.2
    [InlineData(3, 7.3, 36.2)]
    // at birth: the extreme-prematurity floor, 0.5 kg; P97 WHO boys 4.3 × 2 = 8.6
    [InlineData(0, 0.5, 8.6)]
    // adults
    [InlineData(40, 25, 400)]
    public void WeightKg_Age_WidenedGrowthChartRange(decimal age, decimal min, decimal max) =>
        Assert.Equal((min, max), PlausibleRanges.WeightKg(Age.FromYears(age)));

    [Theory]
    // CDC statage.csv 14 years (168.5): P3 girls 148.1173446 → 148.1 × 0.8 = 118.48 → 118.5; P97 boys 178.8164693 → 178.9 × 1.12 = 200.368 → 200.4
    [InlineData(14, 118.5, 200.4)]
    [InlineData(30, 90, 250)]
    public void HeightCm_Age_WidenedGrowthChartRange(decimal age, decimal min, decimal max) =>
        Assert.Equal((min, max), PlausibleRanges.HeightCm(Age.FromYears(age)));
}
