using Formulary.Benchmarks.Parsing;
using Formulary.Clinical.Patients;
using Formulary.Web.CdsHooks;

namespace Formulary.Benchmarks.CdsHooks;

/// <summary>
/// Conformance vector <c>01-child</c>, the request the CDS load runs send, as the CDS benchmarks use it: its bytes, the call
/// read in one pass, and the patient's data read into the engine's input on the day after the vector's measurements.
/// </summary>
internal static class ChildCall
{
    public static readonly DateOnly Today = new(2026, 3, 2);

    public static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static byte[] Body() =>
        File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(RepositoryContent.Find())!, "docs", "cds-hooks", "vectors", "01-child.request.json"));

    public static CdsRequest Read(byte[] body) =>
        OnePassRequestReader.Read(body, CdsServiceCatalog.OrderSign) ?? throw new InvalidOperationException("01-child is not read in one pass");

    /// <summary>The patient's data gathered from the prefetch (no I/O: the task is already complete) and read into the engine's input.</summary>
    public static (PatientInput Input, IReadOnlyList<string> Problems, PregnancyReading Pregnancy) Input(PatientDataSource data, CdsRequest request)
    {
        var gathered = data.GatherAsync(request, CancellationToken.None).GetAwaiter().GetResult();
        return PatientInputBuilder.Build(gathered.Record!, Now);
    }
}
