using BenchmarkDotNet.Attributes;
using Formulary.Clinical.Patients;
using Formulary.Web.CdsHooks;

namespace Formulary.Benchmarks.CdsHooks;

/// <summary>
/// The request side of an order-sign call on conformance vector <c>01-child</c> (<see cref="ChildCall"/>): the body read in
/// one pass (<see cref="OnePassRequestReader"/>: the draft order and the prefetched Patient and Observations), then the
/// patient's data gathered from it and read into the engine's input (<see cref="PatientDataSource"/>,
/// <see cref="PatientInputBuilder"/>).
/// </summary>
[MemoryDiagnoser]
public class RequestReadBenchmarks
{
    private readonly PatientDataSource data = new(null!);
    private byte[] body = null!;
    private CdsRequest request = null!;

    [GlobalSetup]
    public void Setup()
    {
        body = ChildCall.Body();
        request = ChildCall.Read(body);
        if (ChildCall.Input(data, request).Problems.Count > 0)
        {
            throw new InvalidOperationException("01-child's patient data has problems on " + ChildCall.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Benchmark]
    public object? ReadInOnePass() => OnePassRequestReader.Read(body, CdsServiceCatalog.OrderSign);

    [Benchmark]
    public PatientInput PatientInput() => ChildCall.Input(data, request).Input;
}
