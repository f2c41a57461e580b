using System.Text;
using Hl7.Fhir.Model;
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

    public static string Write(Resource resource) => Serializer.SerializeToString(resource);

    public static byte[] Serialize(Resource resource) => Encoding.UTF8.GetBytes(Write(resource));
}
