using System.Text.Json;
using Formulary.Web.Problems;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Reads the shell of an R4 Bundle sent in a request (draft orders, a prefetched search answer) without parsing
/// its resources: each resource is parsed by the caller only when it is of a type Formulary reads, so a resource
/// it does not read (a NutritionOrder, a ServiceRequest, a search's OperationOutcome) can neither fail the call
/// nor be half-read. The shell is still strict: an element that is not one of Bundle's or Bundle.entry's is
/// refused by name. Tolerated as EHRs send them: no <c>type</c> (the CDS Hooks specification's own examples
/// leave it out), an empty <c>entry</c> array, an entry without a resource.
/// </summary>
internal static class BundleReader
{
    public static readonly IReadOnlySet<string> BundleElements = new HashSet<string>(StringComparer.Ordinal)
    {
        "resourceType", "id", "meta", "implicitRules", "language", "identifier", "type", "timestamp", "total", "link", "entry", "signature",
    };

    public static readonly IReadOnlySet<string> EntryElements = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "extension", "modifierExtension", "link", "fullUrl", "resource", "search", "request", "response",
    };

    public static (IReadOnlyList<BundleEntry>? Entries, RequestProblem? Problem) Read(string name, JsonElement bundle)
    {
        foreach (var property in bundle.EnumerateObject())
        {
            if (!BundleElements.Contains(property.Name))
            {
                return Fail(name + "." + property.Name, $"'{name}.{property.Name}' is not an element of an R4 Bundle.");
            }
        }

        if (!bundle.TryGetProperty("entry", out var entries) || entries.ValueKind == JsonValueKind.Null)
        {
            return ([], null);
        }

        if (entries.ValueKind != JsonValueKind.Array)
        {
            return Fail(name + ".entry", $"'{name}.entry' must be an array of entries.");
        }

        var read = new List<BundleEntry>(entries.GetArrayLength());
        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var path = Invariant($"{name}.entry[{index++}]");
            if (entry.ValueKind != JsonValueKind.Object)
            {
                return Fail(path, $"'{path}' must be an object.");
            }

            foreach (var property in entry.EnumerateObject())
            {
                if (!EntryElements.Contains(property.Name))
                {
                    return Fail(path + "." + property.Name, $"'{path}.{property.Name}' is not an element of an R4 Bundle entry.");
                }
            }

            if (!entry.TryGetProperty("resource", out var resource) || resource.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (ResourceType(resource) is not { } type)
            {
                return NotAResource(path + ".resource");
            }

            read.Add(new BundleEntry(path + ".resource", CdsRequestReader.Text(entry, "fullUrl"), type, resource));
        }

        return (read, null);
    }

    /// <summary>The older <c>medications</c> shape: a plain array of resources, read as entries without a <c>fullUrl</c>.</summary>
    public static (IReadOnlyList<BundleEntry>? Entries, RequestProblem? Problem) ReadArray(string name, JsonElement array)
    {
        var read = new List<BundleEntry>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = Invariant($"{name}[{index++}]");
            if (ResourceType(item) is not { } type)
            {
                return NotAResource(path);
            }

            read.Add(new BundleEntry(path, null, type, item));
        }

        return (read, null);
    }

    private static string? ResourceType(JsonElement resource) =>
        resource.ValueKind == JsonValueKind.Object && CdsRequestReader.Text(resource, "resourceType") is { Length: > 0 } type ? type : null;

    private static (IReadOnlyList<BundleEntry>? Entries, RequestProblem? Problem) NotAResource(string path) =>
        Fail(path, $"'{path}' must be a FHIR resource (an object with a resourceType).");

    private static (IReadOnlyList<BundleEntry>? Entries, RequestProblem? Problem) Fail(string property, string detail) =>
        (null, new(RequestProblemKind.Malformed, property, detail));
}
