using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Formulary.Benchmarks.Parsing;
using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Profiles;
using Formulary.Monographs;
using Formulary.Monographs.Rules;
using Formulary.Web.CdsHooks;

namespace Formulary.Benchmarks.CdsHooks;

/// <summary>
/// The answer side of an order-sign call on conformance vector <c>01-child</c> (<see cref="ChildCall"/>): the
/// dose answer for the patient read from it, the card built from that answer (<see cref="CardBuilder"/>) and the
/// response written as the service sends it (<see cref="CdsAnswerJson"/> with <see cref="CdsAnswer.Writing"/>).
/// </summary>
[MemoryDiagnoser]
public class CardBenchmarks
{
    private readonly DoseEngine engine = new(new FixedTime(ChildCall.Today));
    private readonly ArrayBufferWriter<byte> written = new(32 * 1024);
    private CdsRequest request = null!;
    private PatientInput input = null!;
    private DrugProfile profile = null!;
    private MedicationMatch match = null!;
    private DoseAnswer answer = null!;
    private CdsResponse response = null!;

    [GlobalSetup]
    public void Setup()
    {
        request = ChildCall.Read(ChildCall.Body());
        input = ChildCall.Input(new PatientDataSource(null!), request).Input;
        profile = DrugProfileCatalog.Load(RepositoryContent.Find()).Find("clofarabine") ?? throw new InvalidOperationException("clofarabine rules not found");
        match = new MedicationMatch("Clofarabine 1 mg/mL injection", Collection.Composition, "clofarabine", "Clofarabine", []);
        answer = engine.Dose(input, profile);
        if (answer.Status != AnswerStatus.Ok)
        {
            throw new InvalidOperationException("01-child is not dosed: " + answer.Status);
        }

        response = new CdsResponse([BuildCard()]);
    }

    [Benchmark]
    public DoseAnswer DoseAnswer() => engine.Dose(input, profile);

    [Benchmark]
    public object Card() => BuildCard();

    [Benchmark]
    public int WriteResponse()
    {
        written.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(written, CdsAnswer.Writing))
        {
            CdsAnswerJson.Write(writer, response);
        }

        return written.WrittenCount;
    }

    private Card BuildCard() => new CardBuilder(request.HookInstance, "http://127.0.0.1:5000").Answer(request.Orders[0].Order, match, answer, input, PregnancyReading.None, 0);

    private sealed class FixedTime(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
    }
}
