using System.Globalization;
using System.Text;
using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;

namespace Formulary.Monographs.Tests.Rules;

/// <summary>
/// The trace is the audit record a pharmacist signs against, so for a handful of patients it is kept
/// as a golden file (Rules/Golden/*.trace.txt) and reviewed by hand, line by line, like a printed order.
/// Lines starting with '#' are that review: the hand arithmetic of every number, written from the
/// published formulas, never from the code. The test compares the other lines. After an intended
/// change, regenerate with FORMULARY_REGENERATE_GOLDEN=1 (the '#' lines are kept), then review the diff
/// and the hand arithmetic again.
/// </summary>
public sealed class GoldenTraceTests
{
    private static readonly DoseEngine Engine = new(new FixedClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)));

    public static TheoryData<string> Patients => [.. Cases.Keys];

    private static Dictionary<string, PatientInput> Cases { get; } = new(StringComparer.Ordinal)
    {
        ["boy-10y-gentamicin"] = ClofarabinePatientTests.Patient(10m, Sex.Male, 32m, 138m, 0.5m, 0.7m) with { Medications = ["gentamicin"] },
        ["girl-8y-creatinine-1.2-no-uln"] = ClofarabinePatientTests.Patient(8m, Sex.Female, 26m, 128m, 1.2m, null),
        ["man-20y-crcl-47-prior-toxicity"] = ClofarabinePatientTests.Patient(20m, Sex.Male, 70m, 175m, 2.5m, 1.3m) with { PriorToxicity = true, FinalCycle = true },
        ["infant-6m"] = ClofarabinePatientTests.Patient(0.5m, Sex.Female, 7.5m, 66m, 0.3m, 0.4m),
        ["woman-30y-obese-capped-rounded"] = ClofarabinePatientTests.Patient(30m, Sex.Female, 120m, 165m, 0.8m, 1.0m) with
        {
            Pregnant = ScreenAnswer.NotAsked,
            Policy = new PolicyInput { BsaCapM2 = 2m, RoundingIncrementMg = 5m },
        },
    };

    [Theory]
    [MemberData(nameof(Patients))]
    public void Trace_Patient_MatchesReviewedGoldenFile(string name)
    {
        var answer = Engine.Dose(Cases[name], RulesFixtures.Clofarabine);
        var actual = Render(answer);
        var path = Path.Combine(RepoPaths.Root, "tests", "Formulary.Monographs.Tests", "Rules", "Golden", name + ".trace.txt");
        var review = File.Exists(path) ? File.ReadAllLines(path).Where(l => l.StartsWith('#')).ToList() : [];

        if (Environment.GetEnvironmentVariable("FORMULARY_REGENERATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, string.Join('\n', review.Append(actual.TrimEnd('\n'))) + "\n");
        }

        Assert.True(review.Count > 0, $"{path} has no hand review ('#' lines)");
        var expected = string.Join('\n', File.ReadAllLines(path).Where(l => !l.StartsWith('#'))) + "\n";
        Assert.Equal(expected, actual);
    }

    private static string Render(DoseAnswer answer)
    {
        var text = new StringBuilder();
        string N(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";
        text.Append(CultureInfo.InvariantCulture, $"status {answer.Status.ToString().ToLowerInvariant()}; BSA {answer.BsaM2?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-"} m²; calculated {N(answer.CalculatedDoseMg)} mg; rounded {N(answer.RoundedDoseMg)} mg ({N(answer.PercentChange)}%); dose {N(answer.DosePerDayMg)} mg/day × {N(answer.Days)} days = {N(answer.CycleTotalMg)} mg\n");
        foreach (var line in answer.Trace)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }
}
