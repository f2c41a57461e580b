using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Formulary.Web.Fhir;

/// <summary>FHIR R4 JSON as Firely's System.Text.Json converters write and read it (the one serializer setting for /fhir).</summary>
internal static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    public const string ContentType = MediaType + "; charset=utf-8";

    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions().ForFhir();

    public static byte[] Serialize(Resource resource) => JsonSerializer.SerializeToUtf8Bytes(resource, Options);
}
