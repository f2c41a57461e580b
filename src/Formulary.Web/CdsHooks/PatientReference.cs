using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Whether a resource of the call is about the patient in <c>context.patientId</c>, by its <c>subject</c>. A reference is
/// that patient when it is <c>Patient/{patientId}</c>, relative or absolute (ending with <c>/Patient/{patientId}</c>); any
/// other reference names another patient — another id, a <c>urn:uuid:</c> that cannot be told to be this patient, a
/// version-specific reference. A subject without a reference (none, or an identifier or display only) names no one. One rule
/// for prefetched Observations and for draft orders: no value and no order of another patient is used (ADR 0012, decision 3).
/// </summary>
internal static class PatientReference
{
    public static bool NamesAnother(ResourceReference? subject, string patientId) =>
        subject?.Reference is { } reference
        && !string.Equals(reference, "Patient/" + patientId, StringComparison.Ordinal)
        && !reference.EndsWith("/Patient/" + patientId, StringComparison.Ordinal);

    /// <summary>A hint when context.patientId is a reference to the patient ('Patient/123') rather than the id ('123') the record names.</summary>
    public static string IdAloneHint(string patientId, string? id) =>
        id is { Length: > 0 } && patientId.EndsWith("/" + id, StringComparison.Ordinal)
            ? $" context.patientId is the Patient's id alone ('{id}'), not a reference ('{patientId}')."
            : string.Empty;
}
