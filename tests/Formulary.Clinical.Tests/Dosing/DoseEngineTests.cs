using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.Quantities;

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
        Assert.Equal(Clinical.Calculators.BsaFormula.Mosteller, answer.BsaFormula);
        Assert.Equal(11.1m, answer.CalculatedDoseMg);
        Assert.Equal(0.1m, answer.RoundingIncrementMg);
        Assert.Equal(11.1m, answer.RoundedDoseMg);
        Assert.Equal(0m, answer.PercentChange);
        // BSA used 1.11 m²; 10 mg/m² × 1.11 = 11.1 mg (no rounding change); × 3 days = 33.3 mg
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
        // not the final cycle: no date, the advice says "after the last dose of the final cycle"
        var contraception = Assert.Single(answer.Contraception);
        Assert.Null(contraception.Until);
        Assert.Contains("until 3 months after the last dose of the final cycle", contraception.Advice, StringComparison.Ordinal);
        Assert.Equal(Clinical.Calculators.RenalEquation.BedsideSchwartz, answer.Renal!.Equation);
        Assert.NotEmpty(answer.Trace);
    }

    [Fact]
    public void Dose_RenalBand_HalvesDose()
    {
        // Schwartz 0.413 × 138 / 1.5 = 37.996 mL/min/1.73 m², inside 20-50; 1.5 / 0.7 = 2.14 × ULN < 3 (not severe)
        var answer = _engine.Dose(Requests.Child with { Creatinine = Measure.MgPerDl(1.5m) }, TestProfiles.Invented);

        // 11.1 × 0.5 = 5.55 → 5.6 mg (midpoint away from zero)
        Assert.Equal(5.55m, answer.CalculatedDoseMg);
        Assert.Equal(5.6m, answer.DosePerDayMg);
        Assert.Equal(11.1m, answer.UnadjustedDosePerDayMg);
        Assert.Equal("RENAL_20_50", Assert.Single(answer.Adjustments).Code);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.RenalNormalizedEgfr);
    }

    [Fact]
    public void Dose_RenalAndToxicity_FactorsMultiply()
    {
        var answer = _engine.Dose(Requests.Child with { Creatinine = Measure.MgPerDl(1.5m), PriorToxicity = true }, TestProfiles.Invented);

        // 11.1 × 0.5 × 0.8 = 4.44 → 4.4 mg
        Assert.Equal(4.4m, answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.AdjustmentsCombined);
    }

    [Fact]
    public void Dose_BelowLowestBand_WithholdsDose()
    {
        // Schwartz 0.413 × 138 / 3.0 = 18.998 < 20; 3.0 / 1.1 = 2.7 × ULN < 3
        var answer = _engine.Dose(Requests.Child with { Creatinine = Measure.MgPerDl(3.0m), CreatinineUpperLimit = Measure.MgPerDl(1.1m) }, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Withheld, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.RenalBelowBands && a.Severity == AlertSeverity.Critical);
    }

    [Fact]
    public void Dose_SevereRenalByUln_Contraindicated()
    {
        // 2.2 / 0.7 = 3.14 × ULN ≥ 3
        var answer = _engine.Dose(Requests.Child with { Creatinine = Measure.MgPerDl(2.2m) }, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Contraindicated, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.SevereRenal);
    }

    [Fact]
    public void Dose_BelowEstablishedAge_WithholdsDose()
    {
        // age 1 < 2: not established. 10 kg, 75 cm is plausible for age 1.
        var answer = _engine.Dose(Requests.Child with { AgeYears = 1m, Weight = Measure.Kilograms(10m), Height = Measure.Centimetres(75m), Creatinine = Measure.MgPerDl(0.3m), CreatinineUpperLimit = Measure.MgPerDl(0.4m) }, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Withheld, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.AgeNotEstablished);
    }

    [Fact]
    public void Dose_AdultOffLabelWithoutSchedule_DoseButNoTotal()
    {
        var answer = _engine.Dose(Requests.Adult, TestProfiles.Invented);

        // Mosteller √(170 × 70 / 3600) = √3.305556 = 1.818119 → 1.82 m²; 8 mg/m² × 1.82 = 14.56 → 14.6 mg
        Assert.Equal(1.82m, answer.BsaM2);
        Assert.Equal(14.6m, answer.DosePerDayMg);
        Assert.Null(answer.CycleTotalMg);
        Assert.Empty(answer.CycleDays);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.OffLabel);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.ScheduleNotStated);
        Assert.Equal(Clinical.Calculators.RenalEquation.CockcroftGault, answer.Renal!.Equation);
    }

    [Fact]
    public void Dose_BsaCap_UsesCapAndWarnsWithUncappedDose()
    {
        // 30 years, 95 kg, 185 cm: Mosteller √(185 × 95 / 3600) = √4.881944 = 2.209512 → 2.21 m²
        var answer = _engine.Dose(Requests.Adult with { Weight = Measure.Kilograms(95m), Height = Measure.Centimetres(185m), Policy = new PolicyInput { BsaCapM2 = 2m } }, TestProfiles.Invented);

        Assert.True(answer.BsaCapped);
        Assert.Equal(2m, answer.BsaM2);
        Assert.Equal(2.21m, answer.UncappedBsaM2);
        // capped 8 × 2.00 = 16.0 mg; uncapped 8 × 2.21 = 17.68 → 17.7 mg; (17.7 − 16.0) / 17.7 = 9.6 %
        Assert.Equal(16m, answer.DosePerDayMg);
        Assert.Equal(17.7m, answer.UncappedDosePerDayMg);
        var alert = Assert.Single(answer.Alerts, a => a.Code == AlertCodes.BsaCapped);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Contains("9.6% reduction", alert.Message, StringComparison.Ordinal);
        Assert.NotNull(alert.Reference);
    }

    [Fact]
    public void Dose_OtherFormulaAndRounding_FollowsPolicy()
    {
        var answer = _engine.Dose(Requests.Child with { Policy = new PolicyInput { BsaFormula = Clinical.Calculators.BsaFormula.DuBois, RoundingIncrementMg = 1m } }, TestProfiles.Invented);

        // DuBois 0.007184 × 32^0.425 × 138^0.725 = 0.007184 × 4.362031 × 35.596913 = 1.115494 → 1.12 m²; × 10 = 11.2 → 11 mg (−1.8 %)
        Assert.Equal(Clinical.Calculators.BsaFormula.DuBois, answer.BsaFormula);
        Assert.Equal(11m, answer.DosePerDayMg);
        Assert.Equal(-1.8m, answer.PercentChange);
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
        var answer = _engine.Dose(Requests.Child with { AgeYears = 3m, Weight = Measure.Kilograms(14m), Height = Measure.Centimetres(95m), Creatinine = Measure.MgPerDl(0.3m), CreatinineUpperLimit = Measure.MgPerDl(0.5m) }, TestProfiles.Invented);

        Assert.NotNull(answer.InfusionNote);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.SmallPatientInfusion);
    }

    [Theory]
    [InlineData(ContraindicationCondition.Pregnancy, AlertCodes.Pregnancy)]
    [InlineData(ContraindicationCondition.Breastfeeding, AlertCodes.Breastfeeding)]
    [InlineData(ContraindicationCondition.Hypersensitivity, AlertCodes.Hypersensitivity)]
    public void Dose_FlaggedCondition_Contraindicated(ContraindicationCondition condition, string code)
    {
        var female = Requests.Child with { Sex = Sex.Female };
        var request = condition switch
        {
            ContraindicationCondition.Pregnancy => female with { Pregnant = ScreenAnswer.Yes },
            ContraindicationCondition.Breastfeeding => female with { Breastfeeding = ScreenAnswer.Yes },
            _ => female with { Hypersensitivity = ScreenAnswer.Yes },
        };

        var answer = _engine.Dose(request, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Contraindicated, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == code && a.Severity == AlertSeverity.Critical);
    }

    [Fact]
    public void Dose_SevereHepatic_Contraindicated() =>
        Assert.Equal(AnswerStatus.Contraindicated, _engine.Dose(Requests.Child with { Hepatic = HepaticImpairment.Severe }, TestProfiles.Invented).Status);

    [Fact]
    public void Dose_ModerateHepatic_Caution()
    {
        var answer = _engine.Dose(Requests.Child with { Hepatic = HepaticImpairment.Moderate }, TestProfiles.Invented);

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
        var answer = _engine.Check(new PatientInput { AgeYears = 10m, Sex = Sex.Female, Pregnant = ScreenAnswer.Yes }, TestProfiles.Invented);

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
