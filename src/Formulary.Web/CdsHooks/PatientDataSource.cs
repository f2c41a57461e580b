using System.Text.Json;
using Formulary.Web.Fhir;
using Formulary.Web.Problems;
using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Gathers the patient data of a call: each prefetch key from the request's <c>prefetch</c>; a key absent,
/// null or answered with an OperationOutcome (the client could not prefetch it) is fetched from
/// <c>fhirServer</c> when the request gives one with <c>fhirAuthorization</c>. What still cannot be had is
/// listed in <c>Missing</c>, and the call is answered 412 (CDS Hooks 2.0 §Prefetch). An Observation search
/// answer (a searchset Bundle) gives its latest entry; an empty one means the record holds no such value.
/// </summary>
internal sealed class PatientDataSource(FhirServerClient server)
{
    public sealed record Result(PatientRecord? Record, IReadOnlyList<string> Missing, RequestProblem? Problem);

    public async Task<Result> GatherAsync(CdsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var missing = new List<string>();
        Patient? patient = null;
        var observations = new Dictionary<string, Observation?>(StringComparer.Ordinal);
        foreach (var (key, template) in CdsServiceCatalog.Prefetch)
        {
            var json = request.Prefetch.TryGetValue(key, out var sent) && sent is { } element ? element.GetRawText() : null;
            var (resource, error) = json is null ? (null, null) : FhirJson.Read<Resource>(json);
            if (json is not null && resource is null)
            {
                return new(null, [], new(RequestProblemKind.Malformed, "prefetch." + key, $"'prefetch.{key}' is not a valid R4 resource: {error}"));
            }

            if ((resource is null or OperationOutcome) && request is { FhirServer: { } fhir, AccessToken: { } token })
            {
                var query = template.Replace("{{context.patientId}}", Uri.EscapeDataString(request.PatientId), StringComparison.Ordinal);
                var fetched = await server.GetAsync(fhir, query, token, cancellationToken).ConfigureAwait(false);
                resource = fetched is null ? null : FhirJson.Read<Resource>(fetched).Resource;
            }

            switch (key, resource)
            {
                case (_, null or OperationOutcome):
                    missing.Add(key);
                    break;
                case (CdsServiceCatalog.PatientKey, Patient found):
                    patient = found;
                    break;
                case (CdsServiceCatalog.PatientKey, _):
                    return new(null, [], new(RequestProblemKind.Malformed, "prefetch." + key, $"'prefetch.{key}' must be a Patient, not {resource.TypeName}."));
                case (_, Observation observation):
                    observations[key] = observation;
                    break;
                case (_, Bundle bundle):
                    observations[key] = Latest(bundle);
                    break;
                default:
                    return new(null, [], new(RequestProblemKind.Malformed, "prefetch." + key, $"'prefetch.{key}' must be an Observation or a searchset Bundle of Observations, not {resource.TypeName}."));
            }
        }

        if (missing.Count > 0 || patient is null)
        {
            return new(null, missing, null);
        }

        return OtherPatient(request.PatientId, patient, observations) is { } wrong
            ? new(null, [], new(RequestProblemKind.Malformed, "prefetch." + wrong, $"'prefetch.{wrong}' is about another patient than context.patientId '{request.PatientId}'; no value of another patient is used."))
            : new(new PatientRecord(patient, observations), [], null);
    }

    /// <summary>The key of the first resource that names a patient other than the one in context.</summary>
    private static string? OtherPatient(string patientId, Patient patient, Dictionary<string, Observation?> observations)
    {
        if (patient.Id is { } id && !string.Equals(id, patientId, StringComparison.Ordinal))
        {
            return CdsServiceCatalog.PatientKey;
        }

        var expected = "Patient/" + patientId;
        return observations.FirstOrDefault(o => o.Value?.Subject?.Reference is { } subject
            && !string.Equals(subject, expected, StringComparison.Ordinal)
            && !subject.EndsWith("/" + expected, StringComparison.Ordinal)).Key;
    }

    /// <summary>The entry measured last (an undated one only when no entry has a date: the reader then refuses it).</summary>
    private static Observation? Latest(Bundle bundle) =>
        bundle.Entry.Select(e => e.Resource).OfType<Observation>()
            .OrderByDescending(o => ObservationReader.MeasuredOn(o) ?? DateOnly.MinValue)
            .FirstOrDefault();
}
