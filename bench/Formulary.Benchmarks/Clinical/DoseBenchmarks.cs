using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Formulary.Clinical.Calculators;
using Formulary.Clinical.Dosing;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.Quantities;
using Formulary.Monographs.Rules;

namespace Formulary.Benchmarks.Clinical;

/// <summary>
/// One full dose answer for clofarabine (validation, screening, BSA, renal, adjustments, calendar,
/// trace), against two trivial operations measured in the same run: serializing that answer to
/// JSON (the baseline) and a single Mosteller BSA call.
/// </summary>
[MemoryDiagnoser]
public class DoseBenchmarks
{
    private static readonly DoseRequest Request = new()
    {
        AgeYears = 10m,
        Sex = "male",
        WeightKg = 32m,
        HeightCm = 138m,
        ScrMgDl = 0.5m,
        ScrUlnMgDl = 0.7m,
        PriorToxicity = true,
        Medications = ["gentamicin", "ondansetron"],
        StartDate = "2026-03-02",
    };

    private readonly DoseEngine engine = new(TimeProvider.System);
    private DrugProfile profile = null!;
    private DoseAnswer answer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var content = FindContent();
        profile = DrugProfileCatalog.Load(content).Find("clofarabine") ?? throw new InvalidOperationException("clofarabine rules not found in " + content);
        answer = engine.Dose(Request, profile);
    }

    [Benchmark(Baseline = true)]
    public string SerializeAnswer() => JsonSerializer.Serialize(answer, JsonSerializerOptions.Web);

    [Benchmark]
    public BodySurfaceArea MostellerBsa() => BsaCalculator.Compute(BsaFormula.Mosteller, BodyWeight.FromKilograms(32m), Height.FromCentimetres(138m));

    [Benchmark]
    public DoseAnswer FullDoseAnswer() => engine.Dose(Request, profile);

    private static string FindContent()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Formulary.slnx")))
            {
                return Path.Combine(dir.FullName, "content");
            }
        }

        throw new InvalidOperationException("Formulary.slnx not found above " + AppContext.BaseDirectory);
    }
}
