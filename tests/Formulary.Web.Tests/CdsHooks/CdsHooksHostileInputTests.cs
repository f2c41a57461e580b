using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// Hostile values put anywhere the service reads a CDS Hooks request (the vector 01-child as the base):
/// whatever arrives, the answer is a 200 with cards, a 4xx problem or a 412, never a 5xx; and a 200 never
/// carries a dose the request's values did not allow (checked by the engine, asserted elsewhere).
/// </summary>
public sealed class CdsHooksHostileInputTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly string[] Paths =
    [
        "hookInstance", "hook", "fhirServer", "context.patientId", "context.draftOrders", "context.selections", "prefetch.patient", "prefetch.weight",
        "prefetch.patient.birthDate", "prefetch.patient.gender",
        "prefetch.weight.entry.0.resource.valueQuantity.value", "prefetch.weight.entry.0.resource.valueQuantity.code",
        "prefetch.weight.entry.0.resource.effectiveDateTime", "prefetch.weight.entry.0.resource.status",
        "prefetch.height.entry.0.resource.valueQuantity.value", "prefetch.height.entry.0.resource.valueQuantity.code",
        "prefetch.creatinine.entry.0.resource.valueQuantity.value", "prefetch.creatinine.entry.0.resource.valueQuantity.code",
        "context.draftOrders.entry.0.resource.medicationCodeableConcept.text",
        "context.draftOrders.entry.0.resource.dosageInstruction.0.doseAndRate.0.doseQuantity.value",
        "context.draftOrders.entry.0.resource.dosageInstruction.0.doseAndRate.0.doseQuantity.code",
    ];

    [Property(MaxTest = 200, Arbitrary = [typeof(HostileInputPropertyTests.HostileValues)])]
    public bool AnyValueAnywhereRead_NeverServerError(string value, NonNegativeInt at)
    {
        var request = JsonNode.Parse(File.ReadAllText(Path.Combine(ConformanceVectorTests.Folder, "01-child.request.json")))!;
        var path = Paths[at.Get % Paths.Length].Split('.');
        JsonNode parent = request;
        foreach (var step in path[..^1])
        {
            parent = int.TryParse(step, out var index) ? parent[index]! : parent[step]!;
        }

        var last = path[^1];
        var replacement = JsonNode.Parse(value);
        if (int.TryParse(last, out var i))
        {
            parent[i] = replacement;
        }
        else
        {
            parent[last] = replacement;
        }

        using var body = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = site.Client.PostAsync(new Uri("/cds-services/formulary-dose-check", UriKind.Relative), body).GetAwaiter().GetResult();
        // Said in full when it fails: which value, where, and what came back (a shrunk counterexample alone does not say).
        Assert.True((int)response.StatusCode < 500, $"{string.Join('.', path)} = {value}: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        return true;
    }

    [Property(MaxTest = 100)]
    public bool AnyBytes_AsABody_NeverServerError(byte[] bytes)
    {
        using var body = new ByteArrayContent(bytes ?? []);
        body.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        using var response = site.Client.PostAsync(new Uri("/cds-services/formulary-dose-check", UriKind.Relative), body).GetAwaiter().GetResult();
        return (int)response.StatusCode < 500;
    }
}
