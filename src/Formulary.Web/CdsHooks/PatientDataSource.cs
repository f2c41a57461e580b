using System.Text.Json;
using Formulary.Web.Fhir;
using Formulary.Web.Problems;
using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Gathers the patient data of a call: each prefetch key from the request's <c>prefetch</c>; a key absent,
/// null or answered with an OperationOutcome (the client could not prefetch it) is fetched from
/// <c>fhirServer</c> when the request gives one with <c>fhirAuthorization</c>. What still cannot be had is
/// listed in <c>Missing</c>, and the call is answered 412 (CDS Hooks 2.0 §Prefetch), unless the key is optional
/// (<see cref="CdsServiceCatalog.Optional"/>: the pregnancy status), which is then simply not had. An Observation search
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
        var ignored = new Dictionary<string, string>(StringComparer.Ordinal);
        var tied = new Dictionary<string, IReadOnlyList<Observation>>(StringComparer.Ordinal);
        foreach (var (key, template) in CdsServiceCatalog.Prefetch)
        {
            var name = "prefetch." + key;
            var (read, problem) = request.Prefetch.TryGetValue(key, out var sent) && sent is { } value
                ? value.Read is { } already ? (already, null) : Read(name, value.Unread!.Value)
                : (null, null);
            if (problem is not null)
            {
                return new(null, [], problem);
            }

            if (read is null or { Resource: OperationOutcome } && request is { FhirServer: { } fhir, AccessToken: { } token })
            {
                var query = template.Replace("{{context.patientId}}", Uri.EscapeDataString(request.PatientId), StringComparison.Ordinal);
                var fetched = await server.GetAsync(fhir, query, token, cancellationToken).ConfigureAwait(false);
                read = fetched is null ? null : Parse(name + " (from fhirServer)", fetched);
            }

            switch (key, read?.Resource)
            {
                case (_, null or OperationOutcome) when CdsServiceCatalog.Optional.Contains(key):
                    observations[key] = null;
                    break;
                case (_, null or OperationOutcome):
                    missing.Add(key);
                    break;
                case (CdsServiceCatalog.PatientKey, Patient found):
                    patient = found;
                    break;
                case (CdsServiceCatalog.PatientKey, { } other):
                    return new(null, [], new(RequestProblemKind.Malformed, name, $"'{name}' must be a Patient, not {other.TypeName}."));
                case (_, Observation or Bundle):
                    var (latest, sameTime, passedOver) = Latest(read!.Observations);
                    observations[key] = latest;
                    if (sameTime.Count > 0)
                    {
                        tied[key] = sameTime;
                    }

                    if (passedOver.Count > 0)
                    {
                        ignored[key] = string.Join(", ", passedOver.Select(o => $"'{o.Id ?? "without id"}' with status '{Hl7.Fhir.Utility.EnumUtility.GetLiteral(o.Status)}'"));
                    }

                    break;
                default:
                    return new(null, [], new(RequestProblemKind.Malformed, name, $"'{name}' must be an Observation or a searchset Bundle of Observations, not {read!.Resource.TypeName}."));
            }
        }

        if (missing.Count > 0 || patient is null)
        {
            return new(null, missing, null);
        }

        return OtherPatient(request.PatientId, patient, observations) is { } wrong
            ? new(null, [], new(RequestProblemKind.Malformed, "prefetch." + wrong, $"'prefetch.{wrong}' is about another patient than context.patientId '{request.PatientId}'; no value of another patient is used.{PatientReference.IdAloneHint(request.PatientId, patient.Id)}"))
            : new(new PatientRecord(patient, observations, ignored, tied), [], null);
    }

    /// <summary>
    /// One prefetched value, parsed from the request's own parse: a Bundle entry by entry (only Observations are
    /// read; a search's OperationOutcome entries and other resources are passed over), anything else as a resource.
    /// </summary>
    internal static (Prefetched? Read, RequestProblem? Problem) Read(string name, JsonElement element)
    {
        if (CdsRequestReader.Text(element, "resourceType") == "Bundle")
        {
            var (entries, problem) = BundleReader.Read(name, element);
            if (entries is null)
            {
                return (null, problem);
            }

            var found = new List<Observation>();
            foreach (var entry in entries.Where(e => e.ResourceType == "Observation"))
            {
                var (observation, error) = FhirJson.Read<Observation>(entry.Resource);
                if (observation is null)
                {
                    return (null, new(RequestProblemKind.Malformed, entry.Path, $"'{entry.Path}' is not a valid R4 Observation: {error}"));
                }

                found.Add(observation);
            }

            return (new Prefetched(new Bundle { Type = Bundle.BundleType.Searchset }, found), null);
        }

        var (resource, readError) = FhirJson.Read<Resource>(element);
        return resource is null
            ? (null, new(RequestProblemKind.Malformed, name, $"'{name}' is not a valid R4 resource: {readError}"))
            : (new Prefetched(resource, resource is Observation single ? [single] : []), null);
    }

    /// <summary>What the client's FHIR server answered, read like a prefetched value; text that is not a JSON object is "not had".</summary>
    private static Prefetched? Parse(string name, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object ? Read(name, document.RootElement).Read : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The key of the first resource that names a patient other than the one in context.</summary>
    private static string? OtherPatient(string patientId, Patient patient, Dictionary<string, Observation?> observations)
    {
        if (patient.Id is { } id && !string.Equals(id, patientId, StringComparison.Ordinal))
        {
            return CdsServiceCatalog.PatientKey;
        }

        return observations.FirstOrDefault(o => PatientReference.NamesAnother(o.Value?.Subject, patientId)).Key;
    }

    /// <summary>
    /// The Observation measured last among those that are results (an undated one only when none has a date: the
    /// reader then refuses it), the other results measured at the same time (a tie the caller must not settle by
    /// the order the entries came in), and those passed over as not results at all: entered-in-error and cancelled.
    /// The search's <c>_sort=-date</c> is not relied on: a server may ignore it, or return several entries.
    /// </summary>
    private static (Observation? Latest, IReadOnlyList<Observation> Tied, IReadOnlyList<Observation> Ignored) Latest(IReadOnlyList<Observation> observations)
    {
        // Usually one entry: a loop, not a sort.
        Observation? latest = null;
        List<Observation> tied = [];
        List<Observation>? ignored = null;
        foreach (var observation in observations)
        {
            if (observation.Status is ObservationStatus.EnteredInError or ObservationStatus.Cancelled)
            {
                (ignored ??= []).Add(observation);
                continue;
            }

            var order = latest is null ? 1 : ObservationReader.CompareMeasured(observation, latest);
            if (order > 0)
            {
                (latest, tied) = (observation, []);
            }
            else if (order == 0)
            {
                tied.Add(observation);
            }
        }

        return (latest, tied, ignored ?? (IReadOnlyList<Observation>)[]);
    }
}
