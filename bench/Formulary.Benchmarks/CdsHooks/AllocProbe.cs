using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Formulary.Benchmarks.Parsing;
using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Monographs;
using Formulary.Monographs.Rules;
using Formulary.Web.CdsHooks;

namespace Formulary.Benchmarks.CdsHooks;

/// <summary>
/// <c>alloc-cds</c>: the bytes one order-sign call on conformance vector <c>01-child</c> allocates at each stage (reading the
/// request, the patient's input, the dose engine and three of its steps, the card, writing the answer), exact per call and
/// so comparable between builds on a noisy machine, where times are not (BenchmarkDotNet's <see cref="CardBenchmarks"/>
/// and <see cref="RequestReadBenchmarks"/> time them). Allocation is a cost of its own here: the collector's share of a
/// loaded server grows with it (BENCHMARKS.md).
/// </summary>
internal static class AllocProbe
{
    public static int Run()
    {
        var body = ChildCall.Body();
        var request = ChildCall.Read(body);
        var input = ChildCall.Input(new PatientDataSource(null!), request).Input;
        var profile = DrugProfileCatalog.Load(RepositoryContent.Find()).Find("clofarabine")!;
        var match = new MedicationMatch("Clofarabine 1 mg/mL injection", Collection.Composition, "clofarabine", "Clofarabine", []);
        var fixedEngine = new DoseEngine(new Fixed());
        var answer = fixedEngine.Dose(input, profile);
        var written = new ArrayBufferWriter<byte>(32 * 1024);
        Card BuildCard() => new CardBuilder(request.HookInstance, "http://127.0.0.1:5000").Answer(request.Orders[0].Order, match, answer, input, PregnancyReading.None, 0);
        var card = BuildCard();
        var response = new CdsResponse([card]);
        var today = ChildCall.Today;
        var reading = PatientReader.Read(input, today, true);
        Measure("read request", () => ChildCall.Read(body));
        Measure("patient input", () => ChildCall.Input(new PatientDataSource(null!), request));
        Measure("dose (engine)", () => fixedEngine.Dose(input, profile));
        Measure("  PatientReader.Read", () => PatientReader.Read(input, today, true));
        Measure("  Screening.Screen", () => Screening.Screen(reading.Patient!, profile, new AnswerBuilder()));
        Measure("  RenalAssessment.Assess", () => RenalAssessment.Assess(reading.Patient!, profile, new AnswerBuilder()));
        Measure("card", BuildCard);
        Measure("write", () => { written.ResetWrittenCount(); using (var w = new Utf8JsonWriter(written, CdsAnswer.Writing)) { CdsAnswerJson.Write(w, response); } return written.WrittenCount; });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"detail {card.Detail?.Length} characters, trace {answer.Trace.Count} steps of {answer.Trace.Sum(t => t.Length)} characters, answer {written.WrittenCount} bytes"));
        return 0;
    }

    private static void Measure(string what, Func<object?> run)
    {
        for (var i = 0; i < 2000; i++)
        {
            run();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        const int n = 20000;
        for (var i = 0; i < n; i++)
        {
            run();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-28} {(GC.GetAllocatedBytesForCurrentThread() - before) / n,7} B per call"));
    }

    private sealed class Fixed : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(ChildCall.Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
    }
}
