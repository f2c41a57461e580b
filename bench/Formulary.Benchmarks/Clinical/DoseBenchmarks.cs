using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Formulary.Clinical.Calculators;
using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
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
    private static readonly PatientInput Request = new()
    {
        AgeYears = 10m,
        Sex = Sex.Male,
        Weight = Measure.Kilograms(32m),
        Height = Measure.Centimetres(138m),
        Creatinine = Measure.MgPerDl(0.5m),
        CreatinineUpperLimit = Measure.MgPerDl(0.7m),
        PriorToxicity = true,
        Pregnant = ScreenAnswer.No,
        Breastfeeding = ScreenAnswer.No,
        Hypersensitivity = ScreenAnswer.No,
        Hepatic = HepaticImpairment.None,
        Medications = ["gentamicin", "ondansetron"],
        StartDate = new DateOnly(2026, 3, 2),
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
