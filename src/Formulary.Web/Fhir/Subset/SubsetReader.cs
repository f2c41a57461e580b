using System.Runtime.InteropServices;
using System.Text.Json;
using Hl7.Fhir.Model;
using static Formulary.Web.Fhir.Subset.SubsetDatatypes;
using static Formulary.Web.Fhir.Subset.SubsetPrimitives;

namespace Formulary.Web.Fhir.Subset;

/// <summary>
/// A fast path in front of the Firely SDK's strict deserializer for the resources a CDS Hooks call carries
/// (MedicationRequest, Patient, Observation) in the shape EHRs commonly send them. It builds the same POCOs
/// directly from the request's UTF-8 JSON in one pass of a <see cref="Utf8JsonReader"/>, but only for a resource made entirely of the elements listed here, each
/// once, each value certainly valid R4 (<see cref="SubsetPrimitives"/>) and every required element present.
/// Anything else — an element not listed, a repeat, a null, an extension, a partial date — makes it decline
/// (null), and <see cref="FhirJson"/> parses the resource with Firely as before, so every refusal and its
/// message are Firely's. The subset only ever accepts what Firely accepts, and reads it to equal POCOs
/// (tests compare both on the conformance vectors and on hostile values). Profiling showed Firely's reflective
/// deserializer and validation at a third of an order-sign call.
/// </summary>
internal static class SubsetReader
{
    /// <summary>The resource in an element of a parsed document (its UTF-8 bytes read again), or null.</summary>
    public static Resource? Read(JsonElement resource) =>
        resource.ValueKind == JsonValueKind.Object ? Read(JsonMarshal.GetRawUtf8Value(resource)) : null;

    /// <summary>The resource in <paramref name="json"/> (one JSON object, already known to be well-formed), or null.</summary>
    public static Resource? Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            return reader.Read() && ResourceType(reader) is { } type && Read(ref reader, type) is { } resource && !reader.Read() ? resource : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The resource of type <paramref name="type"/> (<see cref="ResourceType"/>) whose object the reader is on, or null.
    /// When read, the reader is left on the object's end; when declined, anywhere in it (the caller reads it another way from where it began).
    /// </summary>
    public static Resource? Read(ref Utf8JsonReader reader, string type) => type switch
    {
        "Observation" => Observation(ref reader),
        "MedicationRequest" => MedicationRequest(ref reader),
        "Patient" => Patient(ref reader),
        _ => null,
    };

    /// <summary>
    /// The <c>resourceType</c> of the object the reader (a copy: the caller's stays where it is) is on, when it is a
    /// non-empty string; null when the value is not an object, has no such property or another kind of value.
    /// </summary>
    public static string? ResourceType(Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("resourceType"u8);
            reader.Read();
            if (isType)
            {
                return reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } type ? type : null;
            }

            reader.Skip();
        }

        return null;
    }

    private static Observation? Observation(ref Utf8JsonReader value)
    {
        var observation = new Observation();
        var seen = new Seen();
        while (value.Read() && value.TokenType == JsonTokenType.PropertyName)
        {
            var ok =
                value.ValueTextEquals("resourceType"u8) ? seen.First(0) && value.Read()
                : value.ValueTextEquals("id"u8) ? seen.First(1) && value.Read() && (observation.Id = Id(ref value)) is not null
                : value.ValueTextEquals("status"u8) ? seen.First(2) && value.Read() && (observation.Status = Enum<ObservationStatus>(ref value)) is not null
                : value.ValueTextEquals("category"u8) ? seen.First(3) && value.Read() && List(ref value, CodeableConcept, observation.Category)
                : value.ValueTextEquals("code"u8) ? seen.First(4) && value.Read() && CodeableConcept(ref value) is { } code && (observation.Code = code) is not null
                : value.ValueTextEquals("subject"u8) ? seen.First(5) && value.Read() && (observation.Subject = Reference(ref value)) is not null
                : value.ValueTextEquals("effectiveDateTime"u8) ? seen.First(6) && value.Read() && DateTime(ref value) is { } when && (observation.Effective = new FhirDateTime(when)) is not null
                : value.ValueTextEquals("valueQuantity"u8) ? seen.First(7) && value.Read() && (observation.Value = Quantity(ref value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        // Observation.status and Observation.code are required (1..1).
        return observation.Status is not null && observation.Code is not null ? observation : null;
    }

    private static Patient? Patient(ref Utf8JsonReader value)
    {
        var patient = new Patient();
        var seen = new Seen();
        while (value.Read() && value.TokenType == JsonTokenType.PropertyName)
        {
            var ok =
                value.ValueTextEquals("resourceType"u8) ? seen.First(0) && value.Read()
                : value.ValueTextEquals("id"u8) ? seen.First(1) && value.Read() && (patient.Id = Id(ref value)) is not null
                : value.ValueTextEquals("name"u8) ? seen.First(2) && value.Read() && List(ref value, HumanName, patient.Name)
                : value.ValueTextEquals("gender"u8) ? seen.First(3) && value.Read() && (patient.Gender = Enum<AdministrativeGender>(ref value)) is not null
                : value.ValueTextEquals("birthDate"u8) ? seen.First(4) && value.Read() && (patient.BirthDate = Date(ref value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        // Every element needs a value or a child (ele-1), as each datatype checks: a Patient with nothing but its type has none.
        return seen.AnyBesides(0) ? patient : null;
    }

    private static MedicationRequest? MedicationRequest(ref Utf8JsonReader value)
    {
        var order = new MedicationRequest();
        var seen = new Seen();
        while (value.Read() && value.TokenType == JsonTokenType.PropertyName)
        {
            var ok =
                value.ValueTextEquals("resourceType"u8) ? seen.First(0) && value.Read()
                : value.ValueTextEquals("id"u8) ? seen.First(1) && value.Read() && (order.Id = Id(ref value)) is not null
                : value.ValueTextEquals("status"u8) ? seen.First(2) && value.Read() && (order.Status = Enum<MedicationRequest.MedicationrequestStatus>(ref value)) is not null
                : value.ValueTextEquals("intent"u8) ? seen.First(3) && value.Read() && (order.Intent = Enum<MedicationRequest.MedicationRequestIntent>(ref value)) is not null
                : value.ValueTextEquals("medicationCodeableConcept"u8) ? seen.First(4) && value.Read() && CodeableConcept(ref value) is { } medication && (order.Medication = medication) is not null
                : value.ValueTextEquals("subject"u8) ? seen.First(5) && value.Read() && Reference(ref value) is { } subject && (order.Subject = subject) is not null
                : value.ValueTextEquals("authoredOn"u8) ? seen.First(6) && value.Read() && (order.AuthoredOn = DateTime(ref value)) is not null
                : value.ValueTextEquals("dosageInstruction"u8) ? seen.First(7) && value.Read() && List(ref value, Dosage, order.DosageInstruction)
                : false;
            if (!ok)
            {
                return null;
            }
        }

        // MedicationRequest.status, intent, medication[x] and subject are required (1..1).
        return order is { Status: not null, Intent: not null, Medication: not null, Subject: not null } ? order : null;
    }
}
