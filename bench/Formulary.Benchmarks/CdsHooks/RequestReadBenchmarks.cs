using BenchmarkDotNet.Attributes;
using Formulary.Benchmarks.Parsing;
using Formulary.Clinical.Patients;
using Formulary.Web.CdsHooks;

namespace Formulary.Benchmarks.CdsHooks;

/// <summary>
/// The request side of an order-sign call, on conformance vector <c>01-child</c> (the request the CDS load runs send): the
/// body read in one pass (<see cref="OnePassRequestReader"/>: the draft order and the prefetched Patient and Observations),
/// then the patient's data gathered from it and read into the engine's input (<see cref="PatientDataSource"/>,
/// <see cref="PatientInputBuilder"/>), on the day after the vector's measurements.
/// </summary>
[MemoryDiagnoser]
public class RequestReadBenchmarks
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private readonly PatientDataSource data = new(null!);
    private byte[] body = null!;
    private CdsRequest request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var vectors = Path.Combine(Path.GetDirectoryName(RepositoryContent.Find())!, "docs", "cds-hooks", "vectors");
        body = File.ReadAllBytes(Path.Combine(vectors, "01-child.request.json"));
        request = OnePassRequestReader.Read(body, CdsServiceCatalog.OrderSign) ?? throw new InvalidOperationException("01-child is not read in one pass");
        if (Build().Problems.Count > 0)
        {
            throw new InvalidOperationException("01-child's patient data has problems on " + Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Benchmark]
    public object? ReadInOnePass() => OnePassRequestReader.Read(body, CdsServiceCatalog.OrderSign);

    [Benchmark]
    public PatientInput PatientInput() => Build().Input;

    private (PatientInput Input, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes) Build()
    {
        // Prefetched values were read with the request: no I/O, the task is already complete.
        var gathered = data.GatherAsync(request, CancellationToken.None).GetAwaiter().GetResult();
        return PatientInputBuilder.Build(gathered.Record!, Today);
    }
}
