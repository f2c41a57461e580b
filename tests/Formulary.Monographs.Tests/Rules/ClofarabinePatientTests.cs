using Formulary.Clinical.Calculators;
using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;

namespace Formulary.Monographs.Tests.Rules;

/// <summary>
/// Patients against the real clofarabine rules and seed. Doses are computed by hand: Mosteller
/// BSA √(cm × kg / 3600), rounded to 0.01 m² (the BSA shown is the BSA used), × 52 mg/m² (40 for
/// adults over 21), × adjustments, rounded once to 0.1 mg (midpoint away from zero). Day 1 is
/// Monday 2 March 2026. Every screen is answered unless the test is about a screen.
/// </summary>
public sealed class ClofarabinePatientTests
{
    private static readonly DoseEngine Engine = new(new FixedClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)));

    private static DoseAnswer Dose(PatientInput input) => Engine.Dose(input, RulesFixtures.Clofarabine);

    /// <summary>10-year-old boy, 32 kg, 138 cm, SCr 0.5 mg/dL (laboratory ULN 0.7).</summary>
    private static PatientInput Boy { get; } = Patient(10m, Sex.Male, 32m, 138m, 0.5m, 0.7m);

    /// <summary>A patient with every screen answered "no", no hepatic impairment and day 1 on 2026-03-02 (shared with the golden trace tests).</summary>
    internal static PatientInput Patient(decimal age, Sex sex, decimal kg, decimal cm, decimal scr, decimal? uln = null) => new()
    {
        AgeYears = age,
        Sex = sex,
        Weight = Measure.Kilograms(kg),
        Height = Measure.Centimetres(cm),
        Creatinine = Measure.MgPerDl(scr),
        CreatinineUpperLimit = uln is { } u ? Measure.MgPerDl(u) : null,
        Hepatic = HepaticImpairment.None,
        Pregnant = ScreenAnswer.No,
        Breastfeeding = ScreenAnswer.No,
        Hypersensitivity = ScreenAnswer.No,
        StartDate = new DateOnly(2026, 3, 2),
    };

    [Fact]
    public void Infant_SixMonths_WithheldSafetyNotEstablished()
    {
        var answer = Dose(Patient(0.5m, Sex.Female, 7.5m, 66m, 0.3m, 0.4m));

        Assert.Equal(AnswerStatus.Withheld, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        var alert = Assert.Single(answer.Alerts, a => a.Code == AlertCodes.AgeNotEstablished);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("Safety and efficacy haven't been established in children younger than 1 year.", alert.Source!.Quote);
    }

    [Fact]
    public void SmallChild_16Kg_DoseAndLongerInfusionNote()
    {
        var answer = Dose(Patient(4m, Sex.Female, 16m, 100m, 0.35m, 0.5m) with { FinalCycle = true });

        // √(100 × 16 / 3600) = √0.444444 = 0.666667 → 0.67 m²; 52 × 0.67 = 34.84 → 34.8 mg; × 5 = 174.0 mg
        Assert.Equal(0.67m, answer.BsaM2);
        Assert.Equal(34.84m, answer.CalculatedDoseMg);
        Assert.Equal(34.8m, answer.DosePerDayMg);
        Assert.Equal(174.0m, answer.CycleTotalMg);
        Assert.Equal(2m, answer.InfusionHours);
        Assert.NotNull(answer.InfusionNote);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.SmallPatientInfusion && a.Source!.Quote.StartsWith("For children weighing < 20 kg", StringComparison.Ordinal));
        // final cycle, female: 6 months after the last dose (day 5 = 6 March 2026) = 6 September 2026
        var advice = Assert.Single(answer.Contraception);
        Assert.Equal(new DateOnly(2026, 9, 6), advice.Until);
        Assert.Contains("until 6 months after the last dose of the final cycle", advice.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Adolescent_14_StandardDoseCycleCalendar()
    {
        var answer = Dose(Patient(14m, Sex.Male, 50m, 160m, 0.7m, 1.0m));

        // √(160 × 50 / 3600) = √2.222222 = 1.490712 → 1.49; 52 × 1.49 = 77.48 → 77.5 mg; × 5 = 387.5 mg
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
        // not the final cycle: the advice gives no date
        Assert.Null(Assert.Single(answer.Contraception).Until);
        // 0.413 × 160 / 0.7 = 94.4 mL/min/1.73 m²
        Assert.Equal(RenalEquation.BedsideSchwartz, answer.Renal!.Equation);
        Assert.Equal(94.4m, answer.Renal.Value);
    }

    [Fact]
    public void Adult_25_OffLabel40MgPerM2NoSchedule()
    {
        var answer = Dose(Patient(25m, Sex.Male, 70m, 170m, 0.9m, 1.2m));

        // √(170 × 70 / 3600) = 1.818119 → 1.82; 40 × 1.82 = 72.8 mg
        Assert.Equal(72.8m, answer.DosePerDayMg);
        Assert.Equal(false, answer.Approved);
        Assert.Null(answer.Days);
        Assert.Null(answer.CycleTotalMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.OffLabel && a.Source!.Quote.Contains("40 mg/m²", StringComparison.Ordinal));
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.ScheduleNotStated);
        // Cockcroft-Gault (140 − 25) × 70 / (72 × 0.9) = 8050 / 64.8 = 124.2 mL/min
        Assert.Equal(RenalEquation.CockcroftGault, answer.Renal!.Equation);
        Assert.Equal(124.2m, answer.Renal.Value);
    }

    [Fact]
    public void Renal_CrCl47_HalfDose()
    {
        // 20-year-old: still "1 to 21 years old"; SCr 2.5 / ULN 1.3 = 1.92 × ULN, not severe
        var answer = Dose(Patient(20m, Sex.Male, 70m, 175m, 2.5m, 1.3m));

        // CG (140 − 20) × 70 / (72 × 2.5) = 8400 / 180 = 46.7 mL/min, within 30-60
        Assert.Equal(46.7m, answer.Renal!.Value);
        // √(175 × 70 / 3600) = √3.402778 = 1.844662 → 1.84; 52 × 1.84 = 95.68 → 95.7 unadjusted;
        // × 0.5 = 47.84 → 47.8 mg; × 5 = 239.0 mg
        Assert.Equal(95.7m, answer.UnadjustedDosePerDayMg);
        Assert.Equal(47.8m, answer.DosePerDayMg);
        Assert.Equal(239.0m, answer.CycleTotalMg);
        var adjustment = Assert.Single(answer.Adjustments);
        Assert.Equal(("RENAL_CRCL_30_60", 0.5m, "Special Cases"), (adjustment.Code, adjustment.Factor, adjustment.Source.Section.Split(" > ")[^1]));
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.RenalCaution);
    }

    [Theory]
    // CrCl exactly 60: (140 − 20) × 72 / (72 × 2.0) = 60.0, in the band (inclusive); BSA √(175 × 72 / 3600) = √3.5 = 1.870829 → 1.87;
    // 52 × 1.87 = 97.24 × 0.5 = 48.62 → 48.6 mg
    [InlineData(72, 175, 2.0, 60.0, 48.6)]
    // CrCl exactly 30: 120 × 54 / (72 × 3.0) = 6480 / 216 = 30.0; BSA √(165 × 54 / 3600) = √2.475 = 1.573213 → 1.57;
    // 52 × 1.57 = 81.64 × 0.5 = 40.82 → 40.8 mg
    [InlineData(54, 165, 3.0, 30.0, 40.8)]
    public void Renal_BandEdges_Inclusive(decimal kg, decimal cm, decimal scr, decimal crcl, decimal dose)
    {
        // laboratory ULN 1.6: 3.0 / 1.6 = 1.875 and 2.0 / 1.6 = 1.25 × ULN, not severe
        var answer = Dose(Patient(20m, Sex.Male, kg, cm, scr, 1.6m));

        Assert.Equal(crcl, answer.Renal!.Value);
        Assert.Equal(dose, answer.DosePerDayMg);
        Assert.Equal("RENAL_CRCL_30_60", Assert.Single(answer.Adjustments).Code);
    }

    [Fact]
    public void Renal_JustBelow30_Withheld()
    {
        // 120 × 54 / (72 × 3.01) = 6480 / 216.72 = 29.9 mL/min < 30; 3.01 / 1.6 = 1.88 × ULN, not severe
        var answer = Dose(Patient(20m, Sex.Male, 54m, 165m, 3.01m, 1.6m));

        Assert.Equal(AnswerStatus.Withheld, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.RenalBelowBands && a.Severity == AlertSeverity.Critical);
    }

    [Theory]
    // exactly 2 × ULN: 1.4 / 0.7 = 2.00 ≥ 2
    [InlineData(1.4, 0.7, AnswerStatus.Contraindicated)]
    // just under: 1.39 / 0.7 = 1.986; Schwartz 0.413 × 138 / 1.39 = 41.0 → half dose
    [InlineData(1.39, 0.7, AnswerStatus.Ok)]
    // 1.4 / 0.6 = 2.33
    [InlineData(1.4, 0.6, AnswerStatus.Contraindicated)]
    public void Renal_SevereByLaboratoryUln_AtTwiceUln(decimal scr, decimal uln, AnswerStatus status)
    {
        var answer = Dose(Boy with { Creatinine = Measure.MgPerDl(scr), CreatinineUpperLimit = Measure.MgPerDl(uln) });

        Assert.Equal(status, answer.Status);
        if (status == AnswerStatus.Contraindicated)
        {
            Assert.Null(answer.DosePerDayMg);
            Assert.Equal("Contraindications", Assert.Single(answer.Alerts, a => a.Code == AlertCodes.SevereRenal).Source!.Section);
        }
        else
        {
            // 52 × 1.11 = 57.72 × 0.5 = 28.86 → 28.9 mg
            Assert.Equal(28.9m, answer.DosePerDayMg);
        }
    }

    [Fact]
    public void Renal_EightYearOldNoUln_ContraindicatedByReferenceUln()
    {
        // The girl: 8 years, 26 kg, 128 cm, SCr 1.2 mg/dL, no ULN. Pottel: Q = 0.0270 × 8 + 0.2329 = 0.4489 mg/dL;
        // ULN = 1.33 × 0.4489 = 0.597 → 0.60 mg/dL; 1.2 / 0.60 = 2.00 ≥ 2 × ULN: contraindicated, no dose
        var answer = Dose(Patient(8m, Sex.Female, 26m, 128m, 1.2m));

        Assert.Equal(AnswerStatus.Contraindicated, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        var reference = Assert.Single(answer.Alerts, a => a.Code == AlertCodes.RenalUpperLimitFromReference);
        Assert.Contains("0.60 mg/dL", reference.Message, StringComparison.Ordinal);
        Assert.Equal("https://doi.org/10.1093/ckj/sfx026", reference.Reference!.Url);
        Assert.Contains(answer.Trace, t => t.Contains("2.00 × the published reference ULN", StringComparison.Ordinal));
    }

    [Fact]
    public void Renal_AdultNoUln_ContraindicatedByReferenceUln()
    {
        // 20-year-old man, SCr 4.0, no ULN: Q = 0.90 (adult men); ULN = 1.33 × 0.90 = 1.197 → 1.20; 4.0 / 1.20 = 3.33 ≥ 2
        var answer = Dose(Patient(20m, Sex.Male, 70m, 175m, 4.0m));

        Assert.Equal(AnswerStatus.Contraindicated, answer.Status);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.SevereRenal);
    }

    [Fact]
    public void Renal_Age1NoUln_ReferenceUlnAndDose()
    {
        // age exactly 1.0: the pediatric regimen applies (1 ≤ age < 22). Q = 0.0270 × 1 + 0.2329 = 0.2599; ULN = 1.33 × 0.2599 = 0.3457 → 0.35;
        // 0.3 / 0.35 = 0.86 × ULN. BSA √(75 × 10 / 3600) = √0.208333 = 0.456435 → 0.46; 52 × 0.46 = 23.92 → 23.9 mg
        var answer = Dose(Patient(1m, Sex.Female, 10m, 75m, 0.3m));

        Assert.Equal(AnswerStatus.Ok, answer.Status);
        Assert.Equal(23.9m, answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.RenalUpperLimitFromReference && a.Message.Contains("0.35 mg/dL", StringComparison.Ordinal));
    }

    [Fact]
    public void Age099_Withheld()
    {
        var answer = Dose(Patient(0.99m, Sex.Female, 10m, 75m, 0.3m, 0.4m));

        Assert.Equal(AnswerStatus.Withheld, answer.Status);
        Assert.Null(answer.DosePerDayMg);
    }

    [Theory]
    // 21.99 years: still "21 years old": 52 mg/m² × 1.82 = 94.64 → 94.6 mg
    [InlineData(21.99, 94.6, true)]
    // 22.0 years: "over 21": off-label 40 mg/m² × 1.82 = 72.8 mg
    [InlineData(22.0, 72.8, false)]
    public void AgeBoundary22_RegimenChanges(decimal age, decimal dose, bool approved)
    {
        var answer = Dose(Patient(age, Sex.Male, 70m, 170m, 0.9m, 1.2m));

        Assert.Equal(dose, answer.DosePerDayMg);
        Assert.Equal(approved, answer.Approved);
    }

    [Theory]
    // 20.0 kg is not "< 20 kg": no longer-infusion advice. BSA √(115 × 20 / 3600) = √0.638889 = 0.799305 → 0.80; 52 × 0.80 = 41.6 mg
    [InlineData(20.0, false, 41.6)]
    // 19.9 kg: BSA √(115 × 19.9 / 3600) = √0.635694 = 0.797304 → 0.80; 41.6 mg, with the advice
    [InlineData(19.9, true, 41.6)]
    public void Weight20_InfusionAdviceOnlyBelow(decimal kg, bool advised, decimal dose)
    {
        var answer = Dose(Patient(6m, Sex.Male, kg, 115m, 0.4m, 0.6m));

        Assert.Equal(dose, answer.DosePerDayMg);
        Assert.Equal(advised, answer.Alerts.Any(a => a.Code == AlertCodes.SmallPatientInfusion));
        Assert.Equal(advised, answer.InfusionNote is not null);
    }

    [Fact]
    public void Hepatic_Severe_Contraindicated()
    {
        var answer = Dose(Boy with { Hepatic = HepaticImpairment.Severe });

        Assert.Equal(AnswerStatus.Contraindicated, answer.Status);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.SevereHepatic);
    }

    [Fact]
    public void Hepatic_Moderate_CautionWithDose()
    {
        var answer = Dose(Boy with { Hepatic = HepaticImpairment.Moderate });

        // 52 × 1.11 = 57.72 → 57.7 mg
        Assert.Equal(57.7m, answer.DosePerDayMg);
        Assert.Equal("Contraindicated in severe hepatic impairment. Use with caution in mild to moderate impairment.", Assert.Single(answer.Alerts, a => a.Code == AlertCodes.HepaticCaution).Source!.Quote);
    }

    [Fact]
    public void Pregnant_Contraindicated_CitesSectionsThatSaySo()
    {
        var answer = Dose(Patient(17m, Sex.Female, 55m, 163m, 0.7m, 1.0m) with { Pregnant = ScreenAnswer.Yes });

        Assert.Equal(AnswerStatus.Contraindicated, answer.Status);
        var alert = Assert.Single(answer.Alerts, a => a.Code == AlertCodes.Pregnancy);
        Assert.Equal("Drug Profile Summary", alert.Source!.Section);
        Assert.Contains("omits pregnancy", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Breastfeeding_Contraindicated()
    {
        var answer = Dose(Patient(19m, Sex.Female, 60m, 165m, 0.8m, 1.0m) with { Breastfeeding = ScreenAnswer.Yes });

        Assert.Equal(AnswerStatus.Contraindicated, answer.Status);
        Assert.Equal("Contraindications", Assert.Single(answer.Alerts, a => a.Code == AlertCodes.Breastfeeding).Source!.Section);
    }

    [Fact]
    public void Hypersensitivity_Contraindicated() =>
        Assert.Contains(Dose(Boy with { Hypersensitivity = ScreenAnswer.Yes }).Alerts, a => a.Code == AlertCodes.Hypersensitivity);

    [Fact]
    public void ScreensNotAsked_WarnEachScreenNotDone()
    {
        var answer = Dose(Patient(17m, Sex.Female, 55m, 163m, 0.7m, 1.0m) with
        {
            Pregnant = ScreenAnswer.NotAsked,
            Breastfeeding = ScreenAnswer.NotAsked,
            Hypersensitivity = ScreenAnswer.NotAsked,
            Hepatic = null,
        });

        Assert.Equal(AnswerStatus.Ok, answer.Status);
        string[] expected = [AlertCodes.HypersensitivityNotAsked, AlertCodes.PregnancyNotAsked, AlertCodes.BreastfeedingNotAsked, AlertCodes.HepaticNotAssessed];
        Assert.All(expected, code => Assert.Contains(answer.Alerts, a => a.Code == code && a.Severity == AlertSeverity.Warning && a.Source is not null));
    }

    [Fact]
    public void ScreensNotAsked_BoyHasNoPregnancyScreen()
    {
        var answer = Dose(Boy with { Pregnant = ScreenAnswer.NotAsked, Breastfeeding = ScreenAnswer.NotAsked });

        Assert.DoesNotContain(answer.Alerts, a => a.Code is AlertCodes.PregnancyNotAsked or AlertCodes.BreastfeedingNotAsked);
    }

    [Fact]
    public void Gentamicin_AvoidNephrotoxicWithDose()
    {
        var answer = Dose(Boy with { Medications = ["gentamicin", "ondansetron"] });

        // √(138 × 32 / 3600) = √1.2266667 = 1.1075498 → 1.11; 52 × 1.11 = 57.72 → 57.7 mg; × 5 = 288.5 mg
        Assert.Equal(1.11m, answer.BsaM2);
        Assert.Equal(57.7m, answer.DosePerDayMg);
        Assert.Equal(288.5m, answer.CycleTotalMg);
        var alert = Assert.Single(answer.Alerts, a => a.Code == AlertCodes.InteractionAvoid);
        Assert.Equal("However, concomitant use of nephrotoxic or hepatotoxic drugs should be avoided.", alert.Source!.Quote);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.InteractionNotCovered && a.Message.Contains("ondansetron", StringComparison.Ordinal) && a.Reference is not null);
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

        // 57.72 × 0.75 = 43.29 → 43.3 mg; × 5 = 216.5 mg
        Assert.Equal(43.3m, answer.DosePerDayMg);
        Assert.Equal(57.7m, answer.UnadjustedDosePerDayMg);
        Assert.Equal(216.5m, answer.CycleTotalMg);
        var adjustment = Assert.Single(answer.Adjustments);
        Assert.Equal(0.75m, adjustment.Factor);
        Assert.Equal("Reduce the dose by 25% in patients experiencing significant toxicities.", adjustment.Source.Quote);
    }

    [Theory]
    // 10 mg: 57.72 → 60 (+3.95 → +4.0 %), under 10 %: no warning
    [InlineData(10, 60, 4.0, false)]
    // 25 mg: 57.72 / 25 = 2.31 → 2 → 50 mg, (50 − 57.72) / 57.72 = −13.4 %: warning
    [InlineData(25, 50, -13.4, true)]
    public void Rounding_MoreThanTenPercent_Warns(decimal increment, decimal dose, decimal percent, bool warned)
    {
        var answer = Dose(Boy with { Policy = new PolicyInput { RoundingIncrementMg = increment } });

        Assert.Equal(AnswerStatus.Ok, answer.Status);
        Assert.Equal((57.72m, increment, dose, percent), (answer.CalculatedDoseMg!.Value, answer.RoundingIncrementMg!.Value, answer.RoundedDoseMg!.Value, answer.PercentChange!.Value));
        Assert.Equal(warned, answer.Alerts.Any(a => a.Code == AlertCodes.RoundingChange && a.Reference is not null));
    }

    [Fact]
    public void Rounding_ThresholdConfigurable()
    {
        // +4.0 % is over a 3 % threshold
        var answer = Dose(Boy with { Policy = new PolicyInput { RoundingIncrementMg = 10m, RoundingWarningPercent = 3m } });

        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.RoundingChange);
    }

    [Fact]
    public void Rounding_ToZero_Refused()
    {
        // 1-year-old: 23.92 mg / 50 = 0.48 → 0 → 0 mg: refused, never a 0 mg dose
        var answer = Dose(Patient(1m, Sex.Female, 10m, 75m, 0.3m, 0.4m) with { Policy = new PolicyInput { RoundingIncrementMg = 50m } });

        Assert.Equal(AnswerStatus.Refused, answer.Status);
        Assert.Equal(PatientField.RoundingIncrement, Assert.Single(answer.Errors).Field);
        Assert.Null(answer.DosePerDayMg);
    }

    [Theory]
    // pounds typed as kilograms at several ages: each value is the child's weight in lb (kg × 2.20462)
    // P97 of boys' weight, CDC 2000 wtage.csv, rounded up to 0.1 kg:
    // 4 years, 16 kg = 35.3 lb; P97 21.00792648 → 21.1 kg: if pounds, 35.3 × 0.45359237 = 16.0 kg
    [InlineData(4, 35.3, 100, "if this was pounds, 16.0 kg")]
    // 6 years, 20 kg = 44.1 lb; P97 28.3: 44.1 × 0.45359237 = 20.0 kg
    [InlineData(6, 44.1, 115, "if this was pounds, 20.0 kg")]
    // 10 years, 70.5 "kg"; P97 49.41515104 → 49.5: 70.5 × 0.45359237 = 31.98 → 32.0 kg (the example)
    [InlineData(10, 70.5, 138, "if this was pounds, 32.0 kg")]
    // 14 years, 50 kg = 110.2 lb; P97 76.96389688 → 77.0: 110.2 × 0.45359237 = 49.99 → 50.0 kg
    [InlineData(14, 110.2, 160, "if this was pounds, 50.0 kg")]
    public void PoundsAsKilograms_WarnsWithConvertedValue(decimal age, decimal kg, decimal cm, string expected)
    {
        var answer = Dose(Patient(age, Sex.Male, kg, cm, 0.4m, 0.8m));

        var alert = Assert.Single(answer.Alerts, a => a.Code == AlertCodes.WeightPercentile);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Contains(expected, alert.Message, StringComparison.Ordinal);
        Assert.NotNull(alert.Reference);
    }

    [Fact]
    public void InchesAsCentimetres_WarnsWithConvertedValue()
    {
        // 2 years, 75 cm: inside the hard limits (the lower P3 of girls and boys, CDC statage.csv Agemos 24.5, girls
        // 78.8 cm × 0.8 = 63.0 cm) but below the girls' P3 of 78.8 cm: a warning that names the
        // inches reading (75 × 2.54 = 190.5 cm) and says the dose uses 75 cm as entered
        var answer = Dose(Patient(2m, Sex.Female, 12m, 75m, 0.3m, 0.4m));

        var alert = Assert.Single(answer.Alerts, a => a.Code == AlertCodes.HeightPercentile);
        Assert.Contains("below the 3rd percentile", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PercentileBands_BySex_GirlAndBoyOfOneHeightJudgedAgainstTheirOwnChart()
    {
        // 14 years, 175 cm (CDC 2000 statage.csv, Agemos 168.5): boys' P97 178.8164693 → 178.9 cm, so a boy is inside;
        // girls' P97 172.8795764 → 172.9 cm, so a girl is above it. 50 kg is inside both weight bands (P3 37.0 / 36.7).
        var boy = Dose(Patient(14m, Sex.Male, 50m, 175m, 0.6m, 0.9m));
        var girl = Dose(Patient(14m, Sex.Female, 50m, 175m, 0.6m, 0.9m));

        Assert.DoesNotContain(boy.Alerts, a => a.Code == AlertCodes.HeightPercentile);
        var alert = Assert.Single(girl.Alerts, a => a.Code == AlertCodes.HeightPercentile);
        Assert.Contains("above the 97th percentile for girls of that age (148.1-172.9 cm)", alert.Message, StringComparison.Ordinal);
        Assert.Contains("CDC", alert.Reference!.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatinineMicromolTypedAsMgPerDl_Warns()
    {
        // 12 "mg/dL" is possible (kidney failure) but ordinary as µmol/L: 12 / 88.4 = 0.14 mg/dL
        var answer = Engine.Check(Boy with { Creatinine = Measure.MgPerDl(12m), CreatinineUpperLimit = null }, RulesFixtures.Clofarabine);

        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.CreatinineUnit && a.Message.Contains("0.14 mg/dL", StringComparison.Ordinal));
    }

    [Fact]
    public void CockcroftGaultObese_FlaggedWithAdjustedWeight()
    {
        // 20 years, male, 110 kg, 175 cm: BMI 110 / 1.75² = 35.9 ≥ 30. CG actual (140 − 20) × 110 / (72 × 1.0) = 183.3 mL/min.
        // Devine IBW: 175 / 2.54 = 68.898 in; 50 + 2.3 × 8.898 = 70.5 kg; adjusted 70.465 + 0.4 × (110 − 70.465) = 86.3 kg;
        // CG adjusted 120 × 86.279 / 72 = 143.8 mL/min
        var answer = Dose(Patient(20m, Sex.Male, 110m, 175m, 1.0m, 1.3m));

        var alert = Assert.Single(answer.Alerts, a => a.Code == AlertCodes.RenalCockcroftGaultObesity);
        Assert.Contains("= 86.3 kg) it is 143.8 mL/min", alert.Message, StringComparison.Ordinal);
        Assert.Equal(183.3m, answer.Renal!.Value);
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
    [InlineData(4, 180, 105, 0.5)]      // 180 kg for a 4-year-old
    [InlineData(14, 45, 55, 0.5)]       // 55 "cm" for a 14-year-old
    [InlineData(10, 32, 138, 88.0)]     // creatinine 88 "mg/dL"
    [InlineData(10, 0, 138, 0.5)]
    [InlineData(10, 32, -138, 0.5)]
    public void UnitConfusedOrImpossible_Refused(decimal age, decimal kg, decimal cm, decimal scr)
    {
        var answer = Dose(Patient(age, Sex.Male, kg, cm, scr, 0.7m));

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
        Assert.Contains(Engine.Check(new() { AgeYears = 30m, Sex = Sex.Female }, RulesFixtures.Clofarabine).Alerts, a => a.Code == AlertCodes.OffLabel);

    [Fact]
    public void EveryAlert_HasASource()
    {
        PatientInput[] patients =
        [
            Boy with { Medications = ["gentamicin", "ondansetron"], PriorToxicity = true, Pregnant = ScreenAnswer.NotAsked, Hepatic = null },
            Patient(17m, Sex.Female, 55m, 163m, 0.7m) with { Pregnant = ScreenAnswer.NotAsked, Breastfeeding = ScreenAnswer.NotAsked, Hypersensitivity = ScreenAnswer.NotAsked },
            Patient(20m, Sex.Male, 110m, 175m, 2.5m, 1.3m) with { PriorToxicity = true, Policy = new PolicyInput { BsaCapM2 = 2m, RoundingIncrementMg = 25m } },
            Patient(10m, Sex.Male, 70.5m, 138m, 12m),
            Patient(0.5m, Sex.Female, 7.5m, 66m, 0.3m),
            Patient(25m, Sex.Male, 70m, 170m, 0.9m),
        ];

        var alerts = patients.SelectMany(p => Dose(p).Alerts.Concat(Engine.Check(p, RulesFixtures.Clofarabine).Alerts)).ToList();

        Assert.True(alerts.Count > 15);
        Assert.All(alerts, a => Assert.True(a.Source is not null ^ a.Reference is not null, a.Code));
        Assert.All(alerts.Where(a => a.Reference is not null), a => Assert.StartsWith("https://", a.Reference!.Url, StringComparison.Ordinal));
    }
}
