using System.Text.Json;
using Hl7.Fhir.Model;
using static Formulary.Web.Fhir.Subset.SubsetDatatypes;
using static Formulary.Web.Fhir.Subset.SubsetPrimitives;

namespace Formulary.Web.Fhir.Subset;

/// <summary>
/// A fast path in front of the Firely SDK's strict deserializer for the resources a CDS Hooks call carries
/// (MedicationRequest, Patient, Observation) in the shape EHRs commonly send them. It builds the same POCOs
/// directly from the request's JSON, but only for a resource made entirely of the elements listed here, each
/// once, each value certainly valid R4 (<see cref="SubsetPrimitives"/>) and every required element present.
/// Anything else — an element not listed, a repeat, a null, an extension, a partial date — makes it decline
/// (null), and <see cref="FhirJson"/> parses the resource with Firely as before, so every refusal and its
/// message are Firely's. The subset only ever accepts what Firely accepts, and reads it to equal POCOs
/// (tests compare both on the conformance vectors and on hostile values). Profiling showed Firely's reflective
/// deserializer and validation at a third of an order-sign call.
/// </summary>
internal static class SubsetReader
{
    public static Resource? Read(JsonElement resource)
    {
        if (resource.ValueKind != JsonValueKind.Object || !resource.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return type.ValueEquals("Observation") ? Observation(resource)
            : type.ValueEquals("MedicationRequest") ? MedicationRequest(resource)
            : type.ValueEquals("Patient") ? Patient(resource)
            : null;
    }

    private static Observation? Observation(JsonElement value)
    {
        var observation = new Observation();
        var seen = new Seen();
        foreach (var property in value.EnumerateObject())
        {
            var ok =
                property.NameEquals("resourceType"u8) ? seen.First(0)
                : property.NameEquals("id"u8) ? seen.First(1) && (observation.Id = Id(property.Value)) is not null
                : property.NameEquals("status"u8) ? seen.First(2) && (observation.Status = Enum<ObservationStatus>(property.Value)) is not null
                : property.NameEquals("category"u8) ? seen.First(3) && List(property.Value, CodeableConcept, observation.Category)
                : property.NameEquals("code"u8) ? seen.First(4) && CodeableConcept(property.Value) is { } code && (observation.Code = code) is not null
                : property.NameEquals("subject"u8) ? seen.First(5) && (observation.Subject = Reference(property.Value)) is not null
                : property.NameEquals("effectiveDateTime"u8) ? seen.First(6) && DateTime(property.Value) is { } when && (observation.Effective = new FhirDateTime(when)) is not null
                : property.NameEquals("valueQuantity"u8) ? seen.First(7) && (observation.Value = Quantity(property.Value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        // Observation.status and Observation.code are required (1..1).
        return observation.Status is not null && observation.Code is not null ? observation : null;
    }

    private static Patient? Patient(JsonElement value)
    {
        var patient = new Patient();
        var seen = new Seen();
        foreach (var property in value.EnumerateObject())
        {
            var ok =
                property.NameEquals("resourceType"u8) ? seen.First(0)
                : property.NameEquals("id"u8) ? seen.First(1) && (patient.Id = Id(property.Value)) is not null
                : property.NameEquals("name"u8) ? seen.First(2) && List(property.Value, HumanName, patient.Name)
                : property.NameEquals("gender"u8) ? seen.First(3) && (patient.Gender = Enum<AdministrativeGender>(property.Value)) is not null
                : property.NameEquals("birthDate"u8) ? seen.First(4) && (patient.BirthDate = Date(property.Value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        return patient;
    }

    private static MedicationRequest? MedicationRequest(JsonElement value)
    {
        var order = new MedicationRequest();
        var seen = new Seen();
        foreach (var property in value.EnumerateObject())
        {
            var ok =
                property.NameEquals("resourceType"u8) ? seen.First(0)
                : property.NameEquals("id"u8) ? seen.First(1) && (order.Id = Id(property.Value)) is not null
                : property.NameEquals("status"u8) ? seen.First(2) && (order.Status = Enum<MedicationRequest.MedicationrequestStatus>(property.Value)) is not null
                : property.NameEquals("intent"u8) ? seen.First(3) && (order.Intent = Enum<MedicationRequest.MedicationRequestIntent>(property.Value)) is not null
                : property.NameEquals("medicationCodeableConcept"u8) ? seen.First(4) && CodeableConcept(property.Value) is { } medication && (order.Medication = medication) is not null
                : property.NameEquals("subject"u8) ? seen.First(5) && Reference(property.Value) is { } subject && (order.Subject = subject) is not null
                : property.NameEquals("authoredOn"u8) ? seen.First(6) && (order.AuthoredOn = DateTime(property.Value)) is not null
                : property.NameEquals("dosageInstruction"u8) ? seen.First(7) && List(property.Value, Dosage, order.DosageInstruction)
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
