using System.Collections.Concurrent;
using System.Text.Json;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Formulary.Web.Tests.Fhir;

/// <summary>
/// The Firely validator over the R4 specification shipped in a NuGet package (nothing downloaded),
/// plus the server's own extension definitions as fetched from it (snapshots generated here).
/// One validator per set of definitions: it compiles and caches profiles, so it is reused.
/// </summary>
internal static class FhirValidation
{
    public static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir();

    private static readonly ZipSource Specification = ZipSource.CreateValidationSource();

    private static readonly ConcurrentDictionary<string, Validator> Validators = new(StringComparer.Ordinal);

    public static Resource Parse(string json) => JsonSerializer.Deserialize<Resource>(json, Json)!;

    /// <summary>The issues of error or fatal severity (warnings and information are allowed).</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(Resource resource, HttpClient client)
    {
        var validator = await ValidatorForAsync(client);
        var outcome = validator.Validate(resource);
        return [.. outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Code}: {i.Details?.Text ?? i.Diagnostics} at {string.Join(",", i.Expression)}")];
    }

    private static async Task<Validator> ValidatorForAsync(HttpClient client)
    {
        var key = client.BaseAddress!.ToString();
        if (Validators.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var definitions = new List<Resource>();
        foreach (var id in new[] { "formulary-pregnancy", "formulary-lactation", "formulary-monitoring" })
        {
            definitions.Add(Parse(await client.GetStringAsync(new Uri("/fhir/StructureDefinition/" + id, UriKind.Relative))));
        }

        var resolver = new CachedResolver(new SnapshotSource(new MultiResolver(new InMemoryResourceResolver(definitions), Specification)));
        var validator = new Validator(resolver, new LocalTerminologyService(resolver));
        return Validators.GetOrAdd(key, validator);
    }
}
