using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;
using Formulary.Monographs.Rules;

namespace Formulary.Monographs.Tests.Rules;

/// <summary>
/// The engine has no drug-specific code: an invented drug (3 mg/kg/day by mouth for 10 days, at
/// most 150 mg/day; CrCl 25-50 × 0.75, 10-25 × 0.5; no pregnancy rule) loaded from a fixture.
/// </summary>
public sealed class InventedProfileTests
{
    private static readonly DoseEngine Engine = new(new FixedClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)));

    private static readonly Clinical.Profiles.DrugProfile Profile = Load();

    private static Clinical.Profiles.DrugProfile Load()
    {
        var result = RulesLoader.LoadFile(RulesFixtures.InventamabRules, Parse.File(RulesLoader.MonographPathFor(RulesFixtures.InventamabRules)));
        Assert.Empty(result.Diagnostics);
        return result.Profile!;
    }

    private static PatientInput Adult(decimal scr) => new()
    {
        AgeYears = 40m,
        Sex = Sex.Male,
        Weight = Measure.Kilograms(70m),
        Height = Measure.Centimetres(170m),
        Creatinine = Measure.MgPerDl(scr),
        Hypersensitivity = ScreenAnswer.No,
        Hepatic = HepaticImpairment.None,
    };

    [Fact]
    public void Dose_Child_WeightBased()
    {
        var answer = Engine.Dose(Adult(0.5m) with { AgeYears = 10m, Weight = Measure.Kilograms(32m), Height = Measure.Centimetres(138m) }, Profile);

        // 3 mg/kg × 32 kg = 96 mg; × 10 days = 960 mg; no BSA for a mg/kg regimen
        Assert.Equal(96m, answer.DosePerDayMg);
        Assert.Equal(960m, answer.CycleTotalMg);
        Assert.Null(answer.BsaM2);
        Assert.Equal("3 mg/kg", answer.DoseBasis);
    }

    [Fact]
    public void Dose_HeavyAdult_CappedAtMaximum()
    {
        // 3 × 70 = 210 mg > 150 mg maximum; CG (140 − 40) × 70 / (72 × 0.9) = 108.0 mL/min, no band
        var answer = Engine.Dose(Adult(0.9m), Profile);

        Assert.Equal(150m, answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.MaxDoseCapped);
    }

    [Theory]
    // CG 7000 / (72 × 2.5) = 38.89 → 25-50 band: 150 × 0.75 = 112.5
    [InlineData(2.5, 112.5, "RENAL_25_50")]
    // CG 7000 / (72 × 4.0) = 24.31 → 10-25 band: 150 × 0.5 = 75
    [InlineData(4.0, 75, "RENAL_10_24")]
    // CG 7000 / (72 × 9) = 10.80 → 10-25 band
    [InlineData(9, 75, "RENAL_10_24")]
    public void Dose_RenalBands_FromFixture(decimal scr, decimal expected, string band)
    {
        var answer = Engine.Dose(Adult(scr), Profile);

        Assert.Equal(expected, answer.DosePerDayMg);
        Assert.Equal(band, Assert.Single(answer.Adjustments).Code);
    }

    [Fact]
    public void Dose_BelowLowestBand_Withheld()
    {
        // CG 7000 / (72 × 12) = 8.10 < 10
        var answer = Engine.Dose(Adult(12m), Profile);

        Assert.Equal(AnswerStatus.Withheld, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.RenalBelowBands);
    }

    [Fact]
    public void Dose_Pregnant_NotContraindicatedWithoutRule()
    {
        var answer = Engine.Dose(Adult(0.9m) with { Sex = Sex.Female, Pregnant = ScreenAnswer.Yes }, Profile);

        Assert.Equal(AnswerStatus.Ok, answer.Status);
    }

    [Fact]
    public void Dose_Paracetamol_AvoidHepatotoxic()
    {
        var answer = Engine.Dose(Adult(0.9m) with { Medications = ["paracetamol", "gentamicin"] }, Profile);

        var alert = Assert.Single(answer.Alerts, a => a.Code == AlertCodes.InteractionAvoid);
        Assert.Equal("Drug Interactions", alert.Source!.Section);
        Assert.DoesNotContain(answer.Alerts, a => a.Code == AlertCodes.InteractionNotCovered);
    }
}
