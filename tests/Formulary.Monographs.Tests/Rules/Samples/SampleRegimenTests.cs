using Formulary.Clinical.Dosing;
using Formulary.Clinical.Regimens;
using static Formulary.Monographs.Tests.Rules.Samples.SampleProfiles;

namespace Formulary.Monographs.Tests.Rules.Samples;

/// <summary>
/// The bundled sample drugs (schema-2 rules, reviewed) for real patients. Every expected dose is
/// computed by hand from the rule and the published formulas: Cockcroft-Gault (140 − age) × kg /
/// (72 × SCr) × 0.85 if female, carried at 0.1 mL/min; bedside Schwartz 0.413 × cm / SCr; Calvert
/// AUC × (GFR + 25); doses rounded once to 0.1 mg.
/// </summary>
public sealed class SampleRegimenTests
{
    [Fact]
    public void Paracetamol_Child25Kg_PerDayCappedAt75MgPerKgPerDay()
    {
        var answer = Dose("paracetamol", new() { AgeYears = 8m, Sex = "female", WeightKg = 25m, HeightCm = 128m, ScrMgDl = 0.5m });

        var regimen = Assert.Single(answer.Regimens);
        Assert.Equal("children", regimen.Id);
        Assert.Equal("mg/kg", regimen.Basis);
        // 15 mg/kg × 25 kg = 375 mg per dose; every 4-6 hours = 4-6 doses a day → 1500-2250 mg;
        // maximum per day = lower of 75 mg/kg/day × 25 kg = 1875 mg and 4 g = 4000 mg → 1875 mg
        Assert.Equal(new ValueRange(375m, 375m), regimen.PerDoseMg);
        Assert.Equal(1875m, regimen.MaxPerDayMg);
        Assert.Equal(new ValueRange(1500m, 1875m), regimen.PerDayMg);
        Assert.Equal(1000m, regimen.MaxPerDoseMg);
        Assert.Equal(new ValueRange(4m, 6m), regimen.IntervalHours);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.MaxDoseCapped);
        Assert.StartsWith("Under 18 years: 15 mg/kg/dose", regimen.Source.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Paracetamol_RoundingIncrement_CalculatedRoundedAndChangeAreFields()
    {
        var answer = Dose("paracetamol", new() { AgeYears = 2m, Sex = "male", WeightKg = 12.3m, HeightCm = 88m, ScrMgDl = 0.3m, RoundingIncrementMg = 20m });

        var regimen = Assert.Single(answer.Regimens);
        // 15 mg/kg × 12.3 kg = 184.5 mg per dose → nearest multiple of 20 mg = 180 mg (−2.4%);
        // 4-6 doses a day = 738-1107 mg; maximum per day 75 × 12.3 = 922.5 mg → 738-922.5 mg → 740-920 mg
        Assert.Equal(new ValueRange(184.5m, 184.5m), regimen.CalculatedPerDoseMg);
        Assert.Equal(new ValueRange(180m, 180m), regimen.PerDoseMg);
        Assert.Equal(new ValueRange(738m, 922.5m), regimen.CalculatedPerDayMg);
        Assert.Equal(new ValueRange(740m, 920m), regimen.PerDayMg);
        Assert.Equal(20m, regimen.RoundingIncrementMg);
        // largest change: 184.5 → 180 = −4.5 / 184.5 = −2.44% → −2.4%
        Assert.Equal(-2.4m, regimen.PercentChange);
        Assert.DoesNotContain(answer.Alerts, a => a.Code == AlertCodes.RoundingChange);
    }

    [Fact]
    public void Paracetamol_RoundingMoreThan10Percent_WarnedWithTheHopaSource()
    {
        var answer = Dose("paracetamol", new() { AgeYears = 2m, Sex = "male", WeightKg = 12.3m, HeightCm = 88m, ScrMgDl = 0.3m, RoundingIncrementMg = 50m });

        var regimen = Assert.Single(answer.Regimens);
        // 184.5 mg → 200 mg (+8.4%); 738 → 750 (+1.6%); 922.5 → 900 (−2.4%): under 10%, no warning yet.
        Assert.Equal(new ValueRange(200m, 200m), regimen.PerDoseMg);
        Assert.Equal(8.4m, regimen.PercentChange);
        Assert.Equal(AnswerStatus.Ok, answer.Status);

        var wider = Dose("paracetamol", new() { AgeYears = 2m, Sex = "male", WeightKg = 11m, HeightCm = 86m, ScrMgDl = 0.3m, RoundingIncrementMg = 50m });
        // 15 × 11 = 165 mg → 150 mg: −15 / 165 = −9.09%; per day 660-825 → 650-800: 825 → 800 = −3.0%, 660 → 650 = −1.5%
        Assert.Equal(-9.1m, Assert.Single(wider.Regimens).PercentChange);

        var far = Dose("paracetamol", new() { AgeYears = 2m, Sex = "male", WeightKg = 12m, HeightCm = 87m, ScrMgDl = 0.3m, RoundingIncrementMg = 50m });
        // 15 × 12 = 180 mg → 200 mg: +20 / 180 = +11.1% > 10% → ROUNDING_CHANGE warning, dose still given
        Assert.Equal(11.1m, Assert.Single(far.Regimens).PercentChange);
        var alert = Assert.Single(far.Alerts, a => a.Code == AlertCodes.RoundingChange);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Contains("Hematology/Oncology Pharmacy Association", alert.Reference!.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Paracetamol_DoseRoundsToZero_RefusedNamingTheIncrement()
    {
        var answer = Dose("paracetamol", new() { AgeYears = 0.05m, Sex = "male", WeightKg = 1.2m, HeightCm = 40m, ScrMgDl = 0.3m, RoundingIncrementMg = 50m });

        // 15 mg/kg × 1.2 kg = 18 mg to a multiple of 50 mg (the largest increment allowed): 18 / 50 = 0.36 → 0 mg: never a dose of 0
        Assert.Equal(AnswerStatus.Refused, answer.Status);
        Assert.Empty(answer.Regimens);
        var error = Assert.Single(answer.Errors);
        Assert.Equal(Clinical.Patients.PatientField.RoundingIncrement, error.Field);
        Assert.Contains("gives 0 mg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paracetamol_Adolescent80Kg_SingleDoseCappedAt1Gram()
    {
        var answer = Dose("paracetamol", new() { AgeYears = 16m, Sex = "male", WeightKg = 80m, HeightCm = 175m, ScrMgDl = 0.8m });

        var regimen = Assert.Single(answer.Regimens);
        // 15 × 80 = 1200 mg > the 1 g single-dose maximum → 1000 mg; 4-6 doses → 4000-6000 mg;
        // maximum per day = lower of 75 × 80 = 6000 mg and 4000 mg = 4000 mg → 4000 mg
        Assert.Equal(new ValueRange(1000m, 1000m), regimen.PerDoseMg);
        Assert.Equal(4000m, regimen.MaxPerDayMg);
        Assert.Equal(new ValueRange(4000m, 4000m), regimen.PerDayMg);
    }

    [Fact]
    public void Paracetamol_AdultCrCl39_IntervalExtendedTo6Hours()
    {
        var answer = Dose("paracetamol", new() { AgeYears = 70m, Sex = "male", WeightKg = 60m, HeightCm = 165m, ScrMgDl = 1.5m });

        var regimen = Assert.Single(answer.Regimens);
        Assert.Equal("adults", regimen.Id);
        // CrCl = (140 − 70) × 60 / (72 × 1.5) = 4200 / 108 = 38.9 mL/min → band 10-50: every 6 hours;
        // 500-1000 mg per dose × 4 doses = 2000-4000 mg per day (the 4 g maximum holds)
        Assert.Equal(new ValueRange(6m, 6m), regimen.IntervalHours);
        Assert.Equal(new ValueRange(500m, 1000m), regimen.PerDoseMg);
        Assert.Equal(new ValueRange(2000m, 4000m), regimen.PerDayMg);
        var adjustment = Assert.Single(regimen.Adjustments);
        Assert.Equal(("renal", "extend-interval"), (adjustment.Kind, adjustment.Action));
        Assert.Equal("CrCl 10-50 mL/min: give every 6 hours.", adjustment.Source.Quote);
    }

    [Fact]
    public void Carboplatin_Calvert_GfrFromCockcroftGault()
    {
        var answer = Dose("carboplatin", new() { AgeYears = 60m, Sex = "female", WeightKg = 70m, HeightCm = 170m, ScrMgDl = 1.0m });

        var regimen = Assert.Single(answer.Regimens);
        Assert.Equal("auc", regimen.Basis);
        // CrCl = (140 − 60) × 70 / (72 × 1.0) × 0.85 = 77.78 × 0.85 = 66.1 mL/min; 5 × (66.1 + 25) = 455.5 mg
        Assert.Equal(new ValueRange(455.5m, 455.5m), regimen.PerDoseMg);
        Assert.Contains(answer.Trace, line => line.Contains("GFR used = 66.1 mL/min", StringComparison.Ordinal));
    }

    [Fact]
    public void Carboplatin_HighClearance_GfrCappedAt125()
    {
        var answer = Dose("carboplatin", new() { AgeYears = 30m, Sex = "male", WeightKg = 80m, HeightCm = 180m, ScrMgDl = 0.6m });

        // CrCl = 110 × 80 / (72 × 0.6) = 8800 / 43.2 = 203.7 mL/min → capped at 125; 5 × (125 + 25) = 750 mg
        Assert.Equal(new ValueRange(750m, 750m), Assert.Single(answer.Regimens).PerDoseMg);
    }

    [Fact]
    public void Carboplatin_PriorToxicity_Reduced25Percent()
    {
        var answer = Dose("carboplatin", new() { AgeYears = 60m, Sex = "female", WeightKg = 70m, HeightCm = 170m, ScrMgDl = 1.0m, PriorToxicity = true });

        var regimen = Assert.Single(answer.Regimens);
        // 455.5 mg × (1 − 0.25) = 341.625 → 341.6 mg
        Assert.Equal(new ValueRange(341.6m, 341.6m), regimen.PerDoseMg);
        Assert.Equal("toxicity", Assert.Single(regimen.Adjustments).Kind);
    }

    [Fact]
    public void Gentamicin_NormalKidneys_OnceDaily()
    {
        var answer = Dose("gentamicin", new() { AgeYears = 50m, Sex = "male", WeightKg = 70m, HeightCm = 175m, ScrMgDl = 1.0m });

        var regimen = Assert.Single(answer.Regimens);
        // CrCl = 90 × 70 / 72 = 87.5 mL/min: no band; 5 mg/kg × 70 kg = 350 mg once daily
        Assert.Equal(new ValueRange(350m, 350m), regimen.PerDoseMg);
        Assert.Equal(new ValueRange(350m, 350m), regimen.PerDayMg);
        Assert.Equal(1, regimen.TimesPerDay);
        Assert.Empty(regimen.Adjustments);
    }

    [Fact]
    public void Gentamicin_CrCl42_EveryThirtySixHours()
    {
        var answer = Dose("gentamicin", new() { AgeYears = 75m, Sex = "male", WeightKg = 70m, HeightCm = 175m, ScrMgDl = 1.5m });

        var regimen = Assert.Single(answer.Regimens);
        // CrCl = 65 × 70 / (72 × 1.5) = 4550 / 108 = 42.1 mL/min → band 40-60: every 36 hours;
        // 350 mg per dose; a 36-hour interval gives no whole number of doses a day → no per-day amount
        Assert.Equal(new ValueRange(36m, 36m), regimen.IntervalHours);
        Assert.Equal(new ValueRange(350m, 350m), regimen.PerDoseMg);
        Assert.Null(regimen.PerDayMg);
        Assert.Null(regimen.TimesPerDay);
    }

    [Fact]
    public void Gentamicin_CrClBelow20_AvoidNoDose()
    {
        var answer = Dose("gentamicin", new() { AgeYears = 80m, Sex = "female", WeightKg = 50m, HeightCm = 160m, ScrMgDl = 3.0m });

        var regimen = Assert.Single(answer.Regimens);
        // CrCl = 60 × 50 / (72 × 3.0) × 0.85 = 13.89 × 0.85 = 11.8 mL/min → "< 20": avoid
        Assert.Null(regimen.PerDoseMg);
        Assert.Null(regimen.PerDayMg);
        var alert = Assert.Single(answer.Alerts, a => a.Code == AlertCodes.RegimenAvoid);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
    }

    [Fact]
    public void Ondansetron_FixedOralDose_TwiceDaily()
    {
        var answer = Dose("ondansetron", new() { AgeYears = 40m, Sex = "female", WeightKg = 60m, HeightCm = 165m, ScrMgDl = 0.8m });

        var regimen = Assert.Single(answer.Regimens);
        // 8 mg × 2 a day = 16 mg, at the 16 mg maximum
        Assert.Equal(("mg", "oral"), (regimen.Basis, regimen.Route));
        Assert.Equal(new ValueRange(8m, 8m), regimen.PerDoseMg);
        Assert.Equal(new ValueRange(16m, 16m), regimen.PerDayMg);
        Assert.Equal(16m, regimen.MaxPerDayMg);
    }

    [Fact]
    public void Ondansetron_SevereHepatic_HalfDose()
    {
        var answer = Dose("ondansetron", new() { AgeYears = 40m, Sex = "female", WeightKg = 60m, HeightCm = 165m, ScrMgDl = 0.8m, Hepatic = "severe" });

        var regimen = Assert.Single(answer.Regimens);
        // 8 mg × 50% = 4 mg per dose, × 2 = 8 mg per day
        Assert.Equal(new ValueRange(4m, 4m), regimen.PerDoseMg);
        Assert.Equal(new ValueRange(8m, 8m), regimen.PerDayMg);
        Assert.Equal("hepatic", Assert.Single(regimen.Adjustments).Kind);
    }

    [Theory]
    // 3 days = 3 / 365.25 years; 50 mg/kg × 3.2 kg = 160 mg every 12 hours → 320 mg a day
    [InlineData(3, 3.2, "neonates-0-7-days", 160, 320, 12)]
    // 14 days; 50 mg/kg × 3.5 kg = 175 mg every 8 hours → 525 mg a day
    [InlineData(14, 3.5, "neonates-8-28-days", 175, 525, 8)]
    public void Ampicillin_NeonateAgeInDays_BandByDays(int days, double kg, string id, double perDose, double perDay, int hours)
    {
        var answer = Dose("ampicillin", new() { AgeYears = Math.Round(days / 365.25m, 6), Sex = "male", WeightKg = (decimal)kg, HeightCm = 50m, ScrMgDl = 0.6m });

        var regimen = Assert.Single(answer.Regimens);
        Assert.Equal(id, regimen.Id);
        Assert.Equal(new ValueRange((decimal)perDose, (decimal)perDose), regimen.PerDoseMg);
        Assert.Equal(new ValueRange((decimal)perDay, (decimal)perDay), regimen.PerDayMg);
        Assert.Equal(new ValueRange(hours, hours), regimen.IntervalHours);
    }

    [Fact]
    public void Ampicillin_Child18Kg_PerDayDividedIntoFourDoses()
    {
        var answer = Dose("ampicillin", new() { AgeYears = 5m, Sex = "female", WeightKg = 18m, HeightCm = 108m, ScrMgDl = 0.4m });

        var regimen = Assert.Single(answer.Regimens);
        // 100-200 mg/kg/day × 18 kg = 1800-3600 mg a day, divided into 4 doses = 450-900 mg per dose
        Assert.Equal(new ValueRange(1800m, 3600m), regimen.PerDayMg);
        Assert.Equal(new ValueRange(450m, 900m), regimen.PerDoseMg);
        Assert.Equal(12000m, regimen.MaxPerDayMg);
    }

    [Fact]
    public void Ampicillin_Adolescent70Kg_PerDayCappedAt12Grams()
    {
        var answer = Dose("ampicillin", new() { AgeYears = 15m, Sex = "male", WeightKg = 70m, HeightCm = 175m, ScrMgDl = 0.8m });

        var regimen = Assert.Single(answer.Regimens);
        // 100-200 × 70 = 7000-14000 mg a day; maximum 12 g = 12000 mg → 7000-12000; / 4 = 1750-3000 mg per dose
        Assert.Equal(new ValueRange(7000m, 12000m), regimen.PerDayMg);
        Assert.Equal(new ValueRange(1750m, 3000m), regimen.PerDoseMg);
    }

    [Fact]
    public void Clofarabine_Schema1_NoGeneralRegimens()
    {
        var answer = Dose("clofarabine", new() { AgeYears = 14m, Sex = "male", WeightKg = 50m, HeightCm = 160m, ScrMgDl = 0.7m, ScrUlnMgDl = 1.0m });

        // √(160 × 50 / 3600) = 1.4907 m²; 52 × 1.4907 = 77.5164 → 77.5 mg, as before schema 2
        Assert.Equal(77.5m, answer.DosePerDayMg);
        Assert.Empty(answer.Regimens);
        Assert.DoesNotContain(answer.Alerts, a => a.Code == AlertCodes.DraftRules);
    }
}
