using System.Text.Json;
using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;
using FsCheck.Xunit;

namespace Formulary.Clinical.Tests.Dosing;

/// <summary>Properties over generated patients and policies: monotonic, deterministic, and never an exception.</summary>
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

    /// <summary>Every numeric input, the policy ones included, in every unit: an answer, never an exception.</summary>
    [Property(MaxTest = 1000)]
    public bool Dose_AnyNumbers_AnswerNeverThrows(decimal age, decimal weight, decimal height, decimal scr, decimal uln, decimal cap, decimal rounding, decimal warning, byte units)
    {
        var input = new PatientInput
        {
            AgeYears = age,
            Sex = (units & 16) == 0 ? Sex.Female : Sex.Male,
            Weight = (units & 1) == 0 ? Measure.Kilograms(weight) : Measure.Pounds(weight),
            Height = (units & 2) == 0 ? Measure.Centimetres(height) : Measure.Inches(height),
            Creatinine = (units & 4) == 0 ? Measure.MgPerDl(scr) : Measure.MicromolPerLitre(scr),
            CreatinineUpperLimit = (units & 8) == 0 ? Measure.MgPerDl(uln) : Measure.MicromolPerLitre(uln),
            Policy = new PolicyInput { BsaCapM2 = cap, RoundingIncrementMg = rounding, RoundingWarningPercent = warning },
        };

        var answer = Engine.Dose(input, TestProfiles.Invented);
        var check = Engine.Check(input, TestProfiles.Invented);

        return Valid(answer) && Valid(check);
    }

    /// <summary>Plausible children with random policy values: a dose is shown only under ok, and then it is above 0.</summary>
    [Property(MaxTest = 500)]
    public bool Dose_ChildWithAnyPolicy_DoseOnlyWhenOk(ushort weightSeed, decimal cap, decimal rounding, decimal warning)
    {
        var input = Requests.Child with
        {
            Weight = Measure.Kilograms(24m + (weightSeed % 240 / 10m)),
            Policy = new PolicyInput { BsaCapM2 = cap, RoundingIncrementMg = rounding, RoundingWarningPercent = warning },
        };

        var answer = Engine.Dose(input, TestProfiles.Invented);

        return Valid(answer) && (answer.Status == AnswerStatus.Ok ? answer.DosePerDayMg > 0m : answer.DosePerDayMg is null);
    }

    private static bool Valid(DoseAnswer answer) =>
        Enum.IsDefined(answer.Status)
        && (answer.Status != AnswerStatus.Refused || answer.Errors.Count > 0)
        && (answer.Status == AnswerStatus.Ok || (answer.DosePerDayMg is null && answer.CycleTotalMg is null))
        && answer.Alerts.All(a => a.Source is not null || a.Reference is not null)
        && AlertStepsPointAtTheirAlerts(answer);

    /// <summary>
    /// Each alert's step is the trace line written for it, in order; only an answer refused before screening has alerts
    /// without steps (none, or the draft-rules alert).
    /// </summary>
    private static bool AlertStepsPointAtTheirAlerts(DoseAnswer answer) =>
        answer.AlertSteps.Count == 0
            ? answer.Status == AnswerStatus.Refused || answer.Alerts.Count == 0
            : answer.AlertSteps.Count == answer.Alerts.Count
                && answer.AlertSteps.Zip(answer.AlertSteps.Skip(1)).All(p => p.First < p.Second)
                && answer.Alerts.Select((alert, i) => answer.Trace[answer.AlertSteps[i]].StartsWith($"Alert {alert.Severity.LowerCase()} {alert.Code}: ", StringComparison.Ordinal)).All(ok => ok);

    private static decimal Weight(ushort seed) => 40m + (seed % 1101 / 10m);

    private static decimal Creatinine(ushort seed) => 0.6m + (seed % 191 / 100m);

    private static PatientInput Adult(decimal weightKg, decimal scrMgDl, bool toxicity) => Requests.Adult with
    {
        Weight = Measure.Kilograms(weightKg),
        Creatinine = Measure.MgPerDl(scrMgDl),
        PriorToxicity = toxicity,
    };
}
