using Formulary.Clinical.Dosing;

namespace Formulary.Clinical.Tests.Dosing;

/// <summary>The engine against the invented profile in <see cref="TestProfiles"/> (10 mg/m², 3 days, band 20-50 × 0.5, toxicity × 0.8).</summary>
public sealed class DoseEngineTests
{
    private readonly DoseEngine _engine = new(FixedClock.OnFirstOfMarch2026);

    [Fact]
    public void Dose_Child_ComputesBsaDoseAndCycle()
    {
        var answer = _engine.Dose(Requests.Child, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Ok, answer.Status);
        // Mosteller √(138 × 32 / 3600) = √1.2266667 = 1.1075498 → 1.1075 m²; shown to 2 decimals 1.11
        Assert.Equal(1.11m, answer.BsaM2);
        Assert.Equal("mosteller", answer.BsaFormula);
        // 10 mg/m² × 1.1075 = 11.075 → 11.1 mg; × 3 days = 33.3 mg
        Assert.Equal(11.1m, answer.DosePerDayMg);
        Assert.Equal(33.3m, answer.CycleTotalMg);
        Assert.Equal(3, answer.Days);
        Assert.Equal(1m, answer.InfusionHours);
        Assert.Empty(answer.Adjustments);
        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 4)], answer.CycleDays.Select(d => d.Date));
        // every 3-4 weeks from day 1: 2 March + 21 days = 23 March; + 28 days = 30 March
        Assert.Equal(new DateOnly(2026, 3, 23), answer.NextCycle!.Earliest);
        Assert.Equal(new DateOnly(2026, 3, 30), answer.NextCycle.Latest);
        // male: 3 months after the last dose (4 March) = 4 June
        Assert.Equal(new DateOnly(2026, 6, 4), Assert.Single(answer.Contraception).Until);
        Assert.Equal("bedside-schwartz", answer.Renal!.Equation);
        Assert.NotEmpty(answer.Trace);
    }

    [Fact]
    public void Dose_RenalBand_HalvesDose()
    {
        // Schwartz 0.413 × 138 / 1.5 = 37.996 mL/min/1.73 m², inside 20-50; 1.5 / 0.7 = 2.14 × ULN < 3 (not severe)
        var answer = _engine.Dose(Requests.Child with { ScrMgDl = 1.5m }, TestProfiles.Invented);

        // 11.075 × 0.5 = 5.5375 → 5.5 mg
        Assert.Equal(5.5m, answer.DosePerDayMg);
        Assert.Equal(11.1m, answer.UnadjustedDosePerDayMg);
        Assert.Equal("RENAL_20_50", Assert.Single(answer.Adjustments).Code);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.RenalNormalizedEgfr);
    }

    [Fact]
    public void Dose_RenalAndToxicity_FactorsMultiply()
    {
        var answer = _engine.Dose(Requests.Child with { ScrMgDl = 1.5m, PriorToxicity = true }, TestProfiles.Invented);

        // 11.075 × 0.5 × 0.8 = 4.43 → 4.4 mg
        Assert.Equal(4.4m, answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.AdjustmentsCombined);
    }

    [Fact]
    public void Dose_BelowLowestBand_WithholdsDose()
    {
        // Schwartz 0.413 × 138 / 3.0 = 18.998 < 20; 3.0 / 1.1 = 2.7 × ULN < 3
        var answer = _engine.Dose(Requests.Child with { ScrMgDl = 3.0m, ScrUlnMgDl = 1.1m }, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Ok, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.RenalBelowBands && a.Severity == AlertSeverity.Critical);
    }

    [Fact]
    public void Dose_SevereRenalByUln_Contraindicated()
    {
        // 2.2 / 0.7 = 3.14 × ULN ≥ 3
        var answer = _engine.Dose(Requests.Child with { ScrMgDl = 2.2m }, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Contraindicated, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.SevereRenal);
    }

    [Fact]
    public void Dose_NoUln_WarnsThatSevereRenalWasNotTested()
    {
        var answer = _engine.Dose(Requests.Child with { ScrUlnMgDl = null }, TestProfiles.Invented);

        Assert.Equal(11.1m, answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.RenalUpperLimitMissing);
    }

    [Fact]
    public void Dose_BelowEstablishedAge_WithholdsDose()
    {
        // age 1 < 2: not established. 10 kg, 75 cm is plausible for age 1.
        var answer = _engine.Dose(Requests.Child with { AgeYears = 1m, WeightKg = 10m, HeightCm = 75m, ScrMgDl = 0.3m, ScrUlnMgDl = 0.4m }, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Ok, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.AgeNotEstablished);
    }

    [Fact]
    public void Dose_AdultOffLabelWithoutSchedule_DoseButNoTotal()
    {
        var answer = _engine.Dose(Requests.Child with { AgeYears = 30m, WeightKg = 70m, HeightCm = 170m, ScrMgDl = 0.9m, ScrUlnMgDl = 1.2m }, TestProfiles.Invented);

        // 8 mg/m² × 1.8181 = 14.5448 → 14.5 mg
        Assert.Equal(14.5m, answer.DosePerDayMg);
        Assert.Null(answer.CycleTotalMg);
        Assert.Empty(answer.CycleDays);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.OffLabel);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.ScheduleNotStated);
        Assert.Equal("cockcroft-gault", answer.Renal!.Equation);
    }

    [Fact]
    public void Dose_BsaCap_UsesCap()
    {
        var answer = _engine.Dose(Requests.Child with { BsaCap = 1m }, TestProfiles.Invented);

        Assert.True(answer.BsaCapped);
        Assert.Equal(1m, answer.BsaM2);
        Assert.Equal(10m, answer.DosePerDayMg);
    }

    [Fact]
    public void Dose_OtherFormulaAndRounding_FollowsPolicy()
    {
        var answer = _engine.Dose(Requests.Child with { BsaFormula = "dubois", DoseRoundingMg = 1m }, TestProfiles.Invented);

        // DuBois 0.007184 × 32^0.425 × 138^0.725 = 0.007184 × 4.362031 × 35.596913 = 1.115494 → 1.1155; × 10 = 11.155 → 11 mg
        Assert.Equal("dubois", answer.BsaFormula);
        Assert.Equal(11m, answer.DosePerDayMg);
    }

    [Fact]
    public void Dose_NoStartDate_UsesClockToday()
    {
        var answer = _engine.Dose(Requests.Child with { StartDate = null }, TestProfiles.Invented);

        Assert.Equal(new DateOnly(2026, 3, 1), answer.CycleDays[0].Date);
    }

    [Fact]
    public void Dose_SmallPatient_InfusionNote()
    {
        // 3 years, 14 kg, 95 cm: under 15 kg
        var answer = _engine.Dose(Requests.Child with { AgeYears = 3m, WeightKg = 14m, HeightCm = 95m, ScrMgDl = 0.3m, ScrUlnMgDl = 0.5m }, TestProfiles.Invented);

        Assert.NotNull(answer.InfusionNote);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.SmallPatientInfusion);
    }

    [Theory]
    [InlineData(nameof(DoseRequest.Pregnant), AlertCodes.Pregnancy)]
    [InlineData(nameof(DoseRequest.Breastfeeding), AlertCodes.Breastfeeding)]
    [InlineData(nameof(DoseRequest.Hypersensitivity), AlertCodes.Hypersensitivity)]
    public void Dose_FlaggedCondition_Contraindicated(string flag, string code)
    {
        var female = Requests.Child with { Sex = "female" };
        var request = flag switch
        {
            nameof(DoseRequest.Pregnant) => female with { Pregnant = true },
            nameof(DoseRequest.Breastfeeding) => female with { Breastfeeding = true },
            _ => female with { Hypersensitivity = true },
        };

        var answer = _engine.Dose(request, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Contraindicated, answer.Status);
        Assert.Contains(answer.Alerts, a => a.Code == code && a.Severity == AlertSeverity.Critical);
    }

    [Fact]
    public void Dose_SevereHepatic_Contraindicated() =>
        Assert.Equal(AnswerStatus.Contraindicated, _engine.Dose(Requests.Child with { Hepatic = "severe" }, TestProfiles.Invented).Status);

    [Fact]
    public void Dose_ModerateHepatic_Caution()
    {
        var answer = _engine.Dose(Requests.Child with { Hepatic = "moderate" }, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Ok, answer.Status);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.HepaticCaution);
    }

    [Fact]
    public void Dose_NephrotoxicAndUnknownMedication_AvoidAndNotCovered()
    {
        var answer = _engine.Dose(Requests.Child with { Medications = ["Gentamicin", "ondansetron"] }, TestProfiles.Invented);

        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.InteractionAvoid && a.Message.Contains("Gentamicin", StringComparison.Ordinal));
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.InteractionNotCovered && a.Message.Contains("ondansetron", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_NoMeasurements_ScreensWithoutDose()
    {
        var answer = _engine.Check(new DoseRequest { AgeYears = 10m, Sex = "female", Pregnant = true }, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Contraindicated, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.RenalNotAssessed);
    }

    [Fact]
    public void Check_Healthy_OkWithRenalEstimate()
    {
        var answer = _engine.Check(Requests.Child, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Ok, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        // 0.413 × 138 / 0.5 = 113.988 → 114.0
        Assert.Equal(114.0m, answer.Renal!.Value);
    }

    [Fact]
    public void AlertCodes_All_AreUnique() => Assert.Equal(AlertCodes.All.Count, AlertCodes.All.Distinct(StringComparer.Ordinal).Count());
}
