using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// A MedicationRequest to check and the Medication its <c>medicationReference</c> points to, when the request
/// holds it (contained in the order, or an entry of the same Bundle); null when the order names its medication
/// by a CodeableConcept or points to a Medication the request does not carry. <paramref name="ReadNote"/> says how
/// an order not written as R4 was read (<see cref="OlderDosageShape"/>); its card carries it as a warning.
/// <paramref name="FullUrl"/> is its Bundle entry's, which an <c>order-select</c> selection may name it by.
/// </summary>
internal sealed record DraftOrder(MedicationRequest Order, Medication? Medication, string? ReadNote, string? FullUrl)
{
    /// <summary>What the order names: its CodeableConcept, or the code of the Medication it points to.</summary>
    public CodeableConcept? Concept => Order.Medication as CodeableConcept ?? Medication?.Code;
}
