using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Tests.Dosing;

/// <summary>
/// A rule is decided on the value the answer shows, so the trace never reads "2.00 × ULN, below 2 ×" or "50.0 mL/min,
/// outside 20-50"; and a yes to a screen is never set aside (the invented profile: severe at 3 × ULN, band 20-50 × 0.5).
/// </summary>
public sealed class ShownValueDecisionTests
{
    private readonly DoseEngine _engine = new(FixedClock.OnFirstOfMarch2026);

    public static TheoryData<int> UpperLimitsInMicromol => [.. Enumerable.Range(30, 59)];

    [Theory]
    [MemberData(nameof(UpperLimitsInMicromol))]
    public void Dose_CreatinineThreeTimesTheUpperLimitInMicromol_Contraindicated(int upperLimit)
    {
        // SCr = 3 × ULN, both in µmol/L: 3.00 × ULN by construction, the invented profile's severe threshold. Each value
        // converted to mg/dL alone (÷ 88.4) divided to 2.999…: 15 of these 59 limits answered with a dose (probe, session 25).
        var answer = _engine.Dose(Requests.Child with { Creatinine = Measure.MicromolPerLitre(3 * upperLimit), CreatinineUpperLimit = Measure.MicromolPerLitre(upperLimit) }, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Contraindicated, answer.Status);
        Assert.Contains(answer.Alerts, a => a.Code == AlertCodes.SevereRenal && a.Message.Contains("3.00 × ULN", StringComparison.Ordinal));
    }

    [Fact]
    public void Dose_EstimateShownAtTheBandsTop_IsWithinTheBand()
    {
        // Schwartz 0.413 × 138 / 1.139 = 56.994 / 1.139 = 50.0386 → shown 50.0, within 20-50; 1.139 / 0.7 = 1.63 × ULN
        var answer = _engine.Dose(Requests.Child with { Creatinine = Measure.MgPerDl(1.139m) }, TestProfiles.Invented);

        Assert.Equal(50.0m, answer.Renal!.Value);
        Assert.Equal("RENAL_20_50", Assert.Single(answer.Adjustments).Code);
        // 11.1 × 0.5 = 5.55 → 5.6 mg
        Assert.Equal(5.6m, answer.DosePerDayMg);
    }

    [Theory]
    // 56.994 / 2.855 = 19.9629 → shown 20.0: within 20-50, dosed at half (2.855 / 1.1 = 2.60 × ULN, not severe)
    [InlineData(2.855, AnswerStatus.Ok)]
    // 56.994 / 2.859 = 19.9350 → shown 19.9: below the lowest band, withheld
    [InlineData(2.859, AnswerStatus.Withheld)]
    public void Dose_EstimateShownAtTheBandsFoot_DecidedAsShown(double creatinine, AnswerStatus status)
    {
        var answer = _engine.Dose(Requests.Child with { Creatinine = Measure.MgPerDl((decimal)creatinine), CreatinineUpperLimit = Measure.MgPerDl(1.1m) }, TestProfiles.Invented);

        Assert.Equal(status, answer.Status);
        Assert.Equal(status == AnswerStatus.Ok, answer.Adjustments.Any(a => a.Code == "RENAL_20_50"));
        Assert.Equal(status == AnswerStatus.Withheld, answer.Alerts.Any(a => a.Code == AlertCodes.RenalBelowBands));
    }

    [Theory]
    // a girl of 7 (22 kg, 122 cm: plausible), under the age the screens are asked from, answered yes
    [InlineData(Sex.Female, 7, true, AlertCodes.Pregnancy)]
    [InlineData(Sex.Female, 7, false, AlertCodes.Breastfeeding)]
    // a boy answered yes to breastfeeding (pregnant yes for a male is refused as a contradiction)
    [InlineData(Sex.Male, 10, false, AlertCodes.Breastfeeding)]
    public void Dose_YesToAScreenNotUsuallyAsked_Contraindicated(Sex sex, int age, bool pregnant, string code)
    {
        var patient = age == 7 ? Requests.Child with { AgeYears = 7m, Weight = Measure.Kilograms(22m), Height = Measure.Centimetres(122m) } : Requests.Child;
        var answer = _engine.Dose(
            patient with { Sex = sex, Pregnant = pregnant ? ScreenAnswer.Yes : ScreenAnswer.No, Breastfeeding = pregnant ? ScreenAnswer.No : ScreenAnswer.Yes },
            TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Contraindicated, answer.Status);
        Assert.Null(answer.DosePerDayMg);
        Assert.Contains(answer.Alerts, a => a.Code == code && a.Severity == AlertSeverity.Critical);
    }

    [Fact]
    public void Dose_NoToAScreenNotUsuallyAsked_NotApplicable()
    {
        var answer = _engine.Dose(Requests.Child with { AgeYears = 7m, Sex = Sex.Female, Weight = Measure.Kilograms(22m), Height = Measure.Centimetres(122m) }, TestProfiles.Invented);

        Assert.Equal(AnswerStatus.Ok, answer.Status);
        Assert.Contains(answer.Trace, step => step.Contains("Screen pregnancy: not applicable (female, 7 years)", StringComparison.Ordinal));
    }
}
