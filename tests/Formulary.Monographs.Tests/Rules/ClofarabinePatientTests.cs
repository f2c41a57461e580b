using Formulary.Clinical.Dosing;

namespace Formulary.Monographs.Tests.Rules;

/// <summary>
/// The patient suite of issue 3 against the real clofarabine rules and seed. Doses are computed by
/// hand: Mosteller BSA √(cm × kg / 3600) carried to 4 decimals, × 52 mg/m² (40 for adults over 21),
/// × adjustments, rounded once to 0.1 mg (midpoint away from zero). Day 1 is Monday 2 March 2026.
/// </summary>
public sealed class ClofarabinePatientTests
{
    private static readonly DoseEngine Engine = new(new FixedClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)));

    private static DoseAnswer Dose(DoseRequest request) => Engine.Dose(request with { StartDate = "2026-03-02" }, RulesFixtures.Clofarabine);

    /// <summary>10-year-old boy, 32 kg, 138 cm, SCr 0.5 mg/dL (ULN 0.7).</summary>
    private static DoseRequest Boy { get; } = new() { AgeYears = 10m, Sex = "male", WeightKg = 32m, HeightCm = 138m, ScrMgDl = 0.5m, ScrUlnMgDl = 0.7m };

    [Fact]
    public void Infant_SixMonths_NoDoseSafetyNotEstablished()
    {
        var answer = Dose(new() { AgeYears = 0.5m, Sex = "female", WeightKg = 7.5m, HeightCm = 66m, ScrMgDl = 0.3m, ScrUlnMgDl = 0.4m });

        Assert.Equal(AnswerStatus.Ok, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        var alert = Assert.Single(answer.Alerts, a => a.Code == AlertCodes.AgeNotEstablished);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("Safety and efficacy haven't been established in children younger than 1 year.", alert.Source!.Quote);
    }

    [Fact]
    public void SmallChild_16Kg_DoseAndLongerInfusionNote()
    {
        var answer = Dose(new() { AgeYears = 4m, Sex = "female", WeightKg = 16m, HeightCm = 100m, ScrMgDl = 0.35m, ScrUlnMgDl = 0.5m });

        // √(100 × 16 / 3600) = √0.444444 = 0.666667 → 0.6667 m²; 52 × 0.6667 = 34.6684 → 34.7 mg; × 5 = 173.5 mg
        Assert.Equal(0.67m, answer.BsaM2);
        Assert.Equal(34.7m, answer.DosePerDayMg);
        Assert.Equal(173.5m, answer.CycleTotalMg);
        Assert.Equal(2m, answer.InfusionHours);
        Assert.NotNull(answer.InfusionNote);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.SmallPatientInfusion && a.Source!.Quote.StartsWith("For children weighing < 20 kg", StringComparison.Ordinal));
        // female: 6 months after the last dose (day 5 = 6 March 2026) = 6 September 2026
        Assert.Equal(new DateOnly(2026, 9, 6), Assert.Single(answer.Contraception).Until);
    }

    [Fact]
    public void Adolescent_14_StandardDoseCycleCalendar()
    {
        var answer = Dose(new() { AgeYears = 14m, Sex = "male", WeightKg = 50m, HeightCm = 160m, ScrMgDl = 0.7m, ScrUlnMgDl = 1.0m });

        // √(160 × 50 / 3600) = √2.222222 = 1.490712 → 1.4907; 52 × 1.4907 = 77.5164 → 77.5 mg; × 5 = 387.5 mg
        Assert.Equal(77.5m, answer.DosePerDayMg);
        Assert.Equal(387.5m, answer.CycleTotalMg);
        Assert.Equal(5, answer.Days);
        Assert.Empty(answer.Adjustments);
        Assert.Equal("IV", answer.Route);
        Assert.Equal(new DateOnly(2026, 3, 6), answer.CycleDays[^1].Date);
        // every 2-6 weeks from day 1: 2 March + 14 days = 16 March; + 42 days = 13 April
        Assert.Equal(new DateOnly(2026, 3, 16), answer.NextCycle!.Earliest);
        Assert.Equal(new DateOnly(2026, 4, 13), answer.NextCycle.Latest);
        Assert.Equal(0.75m, answer.NextCycle.Criteria.Single(c => c.Code == "ANC_RECOVERED").AncAtLeast);
        Assert.Contains(answer.NextCycle.Criteria, c => c.Code == "ORGAN_FUNCTION_BASELINE");
        // male: 3 months after 6 March = 6 June
        Assert.Equal(new DateOnly(2026, 6, 6), Assert.Single(answer.Contraception).Until);
        // 0.413 × 160 / 0.7 = 94.4 mL/min/1.73 m²
        Assert.Equal("bedside-schwartz", answer.Renal!.Equation);
        Assert.Equal(94.4m, answer.Renal.Value);
    }

    [Fact]
    public void Adult_25_OffLabel40MgPerM2NoSchedule()
    {
        var answer = Dose(new() { AgeYears = 25m, Sex = "male", WeightKg = 70m, HeightCm = 170m, ScrMgDl = 0.9m, ScrUlnMgDl = 1.2m });

        // √(170 × 70 / 3600) = 1.818119 → 1.8181; 40 × 1.8181 = 72.724 → 72.7 mg
        Assert.Equal(72.7m, answer.DosePerDayMg);
        Assert.Equal(false, answer.Approved);
        Assert.Null(answer.Days);
        Assert.Null(answer.CycleTotalMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.OffLabel && a.Source!.Quote.Contains("40 mg/m²", StringComparison.Ordinal));
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.ScheduleNotStated);
        // Cockcroft-Gault (140 − 25) × 70 / (72 × 0.9) = 8050 / 64.8 = 124.2 mL/min
        Assert.Equal("cockcroft-gault", answer.Renal!.Equation);
        Assert.Equal(124.2m, answer.Renal.Value);
    }

    [Fact]
    public void Renal_CrCl45_HalfDose()
    {
        // 20-year-old: still "1 to 21 years old"; SCr 2.5 / ULN 1.3 = 1.92 × ULN, not severe
        var answer = Dose(new() { AgeYears = 20m, Sex = "male", WeightKg = 70m, HeightCm = 175m, ScrMgDl = 2.5m, ScrUlnMgDl = 1.3m });

        // CG (140 − 20) × 70 / (72 × 2.5) = 8400 / 180 = 46.7 mL/min, within 30-60
        Assert.Equal(46.7m, answer.Renal!.Value);
        // √(175 × 70 / 3600) = √3.402778 = 1.844662 → 1.8447; 52 × 1.8447 = 95.9244 → 95.9 unadjusted;
        // × 0.5 = 47.9622 → 48.0 mg; × 5 = 240.0 mg
        Assert.Equal(95.9m, answer.UnadjustedDosePerDayMg);
        Assert.Equal(48.0m, answer.DosePerDayMg);
        Assert.Equal(240.0m, answer.CycleTotalMg);
        var adjustment = Assert.Single(answer.Adjustments);
        Assert.Equal(("RENAL_CRCL_30_60", 0.5m, "Special Cases"), (adjustment.Code, adjustment.Factor, adjustment.Source.Section.Split(" > ")[^1]));
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.RenalCaution);
    }

    [Fact]
    public void Renal_SevereByUln_Contraindicated()
    {
        // 1.4 / 0.6 = 2.33 × ULN ≥ 2
        var answer = Dose(Boy with { ScrMgDl = 1.4m, ScrUlnMgDl = 0.6m });

        Assert.Equal(AnswerStatus.Contraindicated, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        Assert.Equal("Contraindications", Assert.Single(answer.Alerts, a => a.Code == AlertCodes.SevereRenal).Source!.Section);
    }

    [Fact]
    public void Renal_Below30WithoutUln_WithheldAndSaysSo()
    {
        // CG 8400 / (72 × 4.0) = 29.2 mL/min < 30: the monograph gives no dose; no ULN to test "severe"
        var answer = Dose(new() { AgeYears = 20m, Sex = "male", WeightKg = 70m, HeightCm = 175m, ScrMgDl = 4.0m });

        Assert.Equal(AnswerStatus.Ok, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.RenalBelowBands && a.Severity == AlertSeverity.Critical);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.RenalUpperLimitMissing);
    }

    [Fact]
    public void Hepatic_Severe_Contraindicated()
    {
        var answer = Dose(Boy with { Hepatic = "severe" });

        Assert.Equal(AnswerStatus.Contraindicated, answer.Status);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.SevereHepatic);
    }

    [Fact]
    public void Hepatic_Moderate_CautionWithDose()
    {
        var answer = Dose(Boy with { Hepatic = "moderate" });

        Assert.Equal(57.6m, answer.DosePerDayMg);
        Assert.Equal("Contraindicated in severe hepatic impairment. Use with caution in mild to moderate impairment.", Assert.Single(answer.Alerts, a => a.Code == AlertCodes.HepaticCaution).Source!.Quote);
    }

    [Fact]
    public void Pregnant_Contraindicated_CitesSectionsThatSaySo()
    {
        var answer = Dose(new() { AgeYears = 17m, Sex = "female", WeightKg = 55m, HeightCm = 163m, ScrMgDl = 0.7m, ScrUlnMgDl = 1.0m, Pregnant = true });

        Assert.Equal(AnswerStatus.Contraindicated, answer.Status);
        var alert = Assert.Single(answer.Alerts, a => a.Code == AlertCodes.Pregnancy);
        Assert.Equal("Drug Profile Summary", alert.Source!.Section);
        Assert.Contains("omits pregnancy", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Breastfeeding_Contraindicated()
    {
        var answer = Dose(new() { AgeYears = 19m, Sex = "female", WeightKg = 60m, HeightCm = 165m, ScrMgDl = 0.8m, ScrUlnMgDl = 1.0m, Breastfeeding = true });

        Assert.Equal(AnswerStatus.Contraindicated, answer.Status);
        Assert.Equal("Contraindications", Assert.Single(answer.Alerts, a => a.Code == AlertCodes.Breastfeeding).Source!.Section);
    }

    [Fact]
    public void Hypersensitivity_Contraindicated() =>
        Assert.Contains(Dose(Boy with { Hypersensitivity = true }).Alerts, a => a.Code == AlertCodes.Hypersensitivity);

    [Fact]
    public void Gentamicin_AvoidNephrotoxicWithDose()
    {
        var answer = Dose(Boy with { Medications = ["gentamicin", "ondansetron"] });

        // √(138 × 32 / 3600) = √1.2266667 = 1.1075498 → 1.1075; 52 × 1.1075 = 57.59 → 57.6 mg; × 5 = 288.0 mg
        Assert.Equal(57.6m, answer.DosePerDayMg);
        Assert.Equal(288.0m, answer.CycleTotalMg);
        var alert = Assert.Single(answer.Alerts, a => a.Code == AlertCodes.InteractionAvoid);
        Assert.Equal("However, concomitant use of nephrotoxic or hepatotoxic drugs should be avoided.", alert.Source!.Quote);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.InteractionNotCovered && a.Message.Contains("ondansetron", StringComparison.Ordinal));
    }

    [Fact]
    public void Paracetamol_AvoidHepatotoxic()
    {
        var alert = Assert.Single(Dose(Boy with { Medications = ["Paracetamol"] }).Alerts, a => a.Code == AlertCodes.InteractionAvoid);

        Assert.Contains("hepatotoxic", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PriorToxicity_Reduced25Percent()
    {
        var answer = Dose(Boy with { PriorToxicity = true });

        // 57.59 × 0.75 = 43.1925 → 43.2 mg; × 5 = 216.0 mg
        Assert.Equal(43.2m, answer.DosePerDayMg);
        Assert.Equal(57.6m, answer.UnadjustedDosePerDayMg);
        Assert.Equal(216.0m, answer.CycleTotalMg);
        var adjustment = Assert.Single(answer.Adjustments);
        Assert.Equal(0.75m, adjustment.Factor);
        Assert.Equal("Reduce the dose by 25% in patients experiencing significant toxicities.", adjustment.Source.Quote);
    }

    [Fact]
    public void Age21AndAHalf_StillPediatricRegimen()
    {
        var answer = Dose(new() { AgeYears = 21.5m, Sex = "male", WeightKg = 70m, HeightCm = 170m, ScrMgDl = 0.9m, ScrUlnMgDl = 1.2m });

        // 52 × 1.8181 = 94.5412 → 94.5 mg
        Assert.Equal(94.5m, answer.DosePerDayMg);
        Assert.Equal(true, answer.Approved);
    }

    [Fact]
    public void Dose_StopCriteriaAndMonitoring_WithCitations()
    {
        var answer = Dose(Boy);

        Assert.Equal(["STOP_HYPOTENSION_CAPILLARY_LEAK", "STOP_CREATININE_BILIRUBIN_RISE"], answer.StopCriteria.Select(s => s.Code));
        Assert.Equal(["CBC", "RENAL_FUNCTION", "HEPATIC_FUNCTION", "ELECTROLYTES", "INFECTION_BLEEDING"], answer.Monitoring.Select(m => m.Code));
        Assert.All(answer.Monitoring, m => Assert.Equal("Drug Profile Summary", m.Source.Section));
    }

    [Theory]
    [InlineData(4, 180, 105, null)]      // 180 kg for a 4-year-old
    [InlineData(14, 45, 55, null)]       // 55 "cm" for a 14-year-old
    [InlineData(10, 32, 138, 88.0)]      // creatinine 88 "mg/dL"
    [InlineData(10, 0, 138, 0.5)]
    [InlineData(10, 32, -138, 0.5)]
    public void UnitConfusedOrImpossible_Refused(decimal age, decimal kg, decimal cm, double? scr)
    {
        var answer = Dose(Boy with { AgeYears = age, WeightKg = kg, HeightCm = cm, ScrMgDl = scr is { } s ? (decimal)s : 0.5m });

        Assert.Equal(AnswerStatus.Refused, answer.Status);
        Assert.NotEmpty(answer.Errors);
        Assert.Null(answer.DosePerDayMg);
    }

    [Fact]
    public void Check_Boy_ScreensWithoutDose()
    {
        var answer = Engine.Check(Boy with { Medications = ["amikacin"] }, RulesFixtures.Clofarabine);

        Assert.Equal(AnswerStatus.Ok, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.InteractionAvoid);
    }

    [Fact]
    public void Check_Over21_OffLabelAlert() =>
        Assert.Contains(Engine.Check(new() { AgeYears = 30m, Sex = "female" }, RulesFixtures.Clofarabine).Alerts, a => a.Code == AlertCodes.OffLabel);
}
