using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Formulary.Web.Fhir.Subset;
using Hl7.Fhir.Serialization;

namespace Formulary.Web.Fhir;

/// <summary>
/// FHIR R4 JSON through the Firely SDK, for /fhir and CDS Hooks alike: one strict deserializer (an unknown
/// element or a value of the wrong type is an error, never dropped) and one serializer, both thread-safe and shared.
/// </summary>
internal static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    public const string ContentType = MediaType + "; charset=utf-8";

    private static readonly FhirJsonDeserializer Deserializer = new();
    private static readonly FhirJsonSerializer Serializer = new();

    /// <summary>The resource, or null and the first errors Firely reports (element path, line and position).</summary>
    public static (T? Resource, string? Error) Read<T>(string json)
        where T : Resource
    {
        try
        {
            return (Deserializer.Deserialize<T>(json), null);
        }
        catch (DeserializationFailedException failed)
        {
            var errors = failed.Exceptions.Take(3).Select(e => e.Message);
            return (null, string.Join(" ", errors));
        }
    }

    /// <summary>
    /// The resource read from an element of an already-parsed document: through <see cref="SubsetReader"/> when it
    /// is of the common shape that reader takes (the same POCOs, built directly), else straight from the element's
    /// UTF-8 bytes (no copy to a string and no second parse of the text) by the same strict deserializer, with the same errors.
    /// </summary>
    public static (T? Resource, string? Error) Read<T>(JsonElement element)
        where T : Resource =>
        Read<T>(JsonMarshal.GetRawUtf8Value(element));

    /// <summary>The resource read from its UTF-8 JSON (one well-formed object): the subset reader's when it takes it, else Firely's.</summary>
    public static (T? Resource, string? Error) Read<T>(ReadOnlySpan<byte> json)
        where T : Resource
    {
        if (SubsetReader.Read(json) is T subset)
        {
            return (subset, null);
        }

        return ReadWithFirely<T>(json);
    }

    /// <summary>The resource read by Firely's strict deserializer alone (also what <see cref="SubsetReader"/> is checked against).</summary>
    public static (T? Resource, string? Error) ReadWithFirely<T>(JsonElement element)
        where T : Resource =>
        ReadWithFirely<T>(JsonMarshal.GetRawUtf8Value(element));

    /// <summary>The resource read from its UTF-8 JSON by Firely's strict deserializer alone.</summary>
    public static (T? Resource, string? Error) ReadWithFirely<T>(ReadOnlySpan<byte> json)
        where T : Resource
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            if (Deserializer.TryDeserializeResource(ref reader, out var resource, out var issues) && !issues.Any() && resource is T typed)
            {
                return (typed, null);
            }

            var errors = issues.Take(3).Select(e => e.Message).ToList();
            return (null, errors.Count > 0 ? string.Join(" ", errors) : $"a {typeof(T).Name} was expected, not {resource?.TypeName ?? "nothing"}.");
        }
        catch (DeserializationFailedException failed)
        {
            return (null, string.Join(" ", failed.Exceptions.Take(3).Select(e => e.Message)));
        }
    }

    public static string Write(Resource resource) => Serializer.SerializeToString(resource);

    public static byte[] Serialize(Resource resource) => Encoding.UTF8.GetBytes(Write(resource));
}
