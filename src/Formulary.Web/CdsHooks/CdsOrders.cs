using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Formulary.Web.Fhir;
using Formulary.Web.Problems;
using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// The medication orders of a request's context: <c>draftOrders</c>, an R4 Bundle (CDS Hooks 2.0), or the
/// older <c>medications</c> (a Bundle, or an array of resources, as STU1-era clients send); both at once is
/// refused, since which list is meant cannot be told. For <c>order-select</c>, the <c>selections</c> (references
/// such as <c>MedicationRequest/123</c>) pick the orders to check; without them, every order is checked; a selection that
/// names no draft order, and an empty list, are refused (<c>Selected</c>).
/// A MedicationRequest whose <c>subject</c> names another patient than <c>context.patientId</c> is refused
/// (<see cref="PatientReference"/>): it would be dosed with this patient's data.
/// Only MedicationRequest (strictly, as R4) and Medication (what a <c>medicationReference</c> may point to) are
/// parsed; other orders (NutritionOrder, ServiceRequest, ...) are not Formulary's to check and are passed over
/// unread. A MedicationRequest whose only fault is the STU3 dosage shape (as the specification's own R4 examples
/// are written) is read through <see cref="OlderDosageShape"/>, nothing dropped, and its card says so. A medication order of an older FHIR version (DSTU2 MedicationOrder) is refused by name, never skipped:
/// skipping it would answer "nothing to say" about an order that was not read.
/// </summary>
internal static class CdsOrders
{
    /// <summary>More orders than this in one call is not an order being signed but a bulk upload.</summary>
    public const int MaxOrders = 50;

    public static readonly IReadOnlySet<string> OlderMedicationOrders = new HashSet<string>(StringComparer.Ordinal) { "MedicationOrder", "MedicationPrescription" };

    public static (IReadOnlyList<DraftOrder>? Orders, RequestProblem? Problem) Read(JsonElement context, CdsService service, string patientId)
    {
        var hasDraft = context.TryGetProperty("draftOrders", out var draft) && draft.ValueKind != JsonValueKind.Null;
        var hasOlder = context.TryGetProperty("medications", out var older) && older.ValueKind != JsonValueKind.Null;
        if (hasDraft && hasOlder)
        {
            return Fail("context.medications", "'context.draftOrders' and the older 'context.medications' are both given; send the orders once, as draftOrders.");
        }

        if (!hasDraft && !hasOlder)
        {
            return Fail("context.draftOrders", "'context.draftOrders' is missing; give the orders as an R4 Bundle of MedicationRequest.");
        }

        var (name, value) = hasDraft ? ("context.draftOrders", draft) : ("context.medications", older);
        var (entries, problem) = value.ValueKind switch
        {
            JsonValueKind.Object when CdsRequestReader.Text(value, "resourceType") == "Bundle" => BundleReader.Read(name, value),
            JsonValueKind.Array => BundleReader.ReadArray(name, value),
            _ => (null, new RequestProblem(RequestProblemKind.Malformed, name, $"'{name}' must be a FHIR Bundle (resourceType \"Bundle\").")),
        };
        if (entries is null)
        {
            return (null, problem);
        }

        var orders = new List<(MedicationRequest Order, string? FullUrl, string? ReadNote)>();
        var medications = new List<(Medication Medication, string? FullUrl)>();
        var others = new List<(string Type, string? Id, string? FullUrl)>();
        foreach (var entry in entries)
        {
            if (OlderMedicationOrders.Contains(entry.ResourceType))
            {
                return Fail(entry.Path, $"'{entry.Path}' is a {entry.ResourceType}, a medication order of an older FHIR version (DSTU2); this service reads R4 MedicationRequest.");
            }

            if (entry.ResourceType is not ("MedicationRequest" or "Medication"))
            {
                others.Add((entry.ResourceType, IdOf(entry.Resource), entry.FullUrl));
                continue;
            }

            if (orders.Count >= MaxOrders && entry.ResourceType == "MedicationRequest")
            {
                return Fail(name, Invariant($"More than {MaxOrders} medication orders in one call; at most {MaxOrders} are checked."));
            }

            var (resource, error) = FhirJson.Read<Resource>(entry.Resource);
            string? readNote = null;
            var hint = OlderShapeHint(error);
            if (resource is null && entry.ResourceType == "MedicationRequest" && hint.Length > 0
                && OlderDosageShape.ToR4(entry.Resource) is var (r4, note) && FhirJson.Read<Resource>(r4).Resource is MedicationRequest reread)
            {
                (resource, readNote) = (reread, note);
            }

            switch (resource)
            {
                case MedicationRequest order when OfAnotherPatient(order, patientId) is { } otherPatient:
                    return Fail(entry.Path + ".subject", otherPatient);
                case MedicationRequest order:
                    orders.Add((order, entry.FullUrl, readNote));
                    break;
                case Medication medication:
                    medications.Add((medication, entry.FullUrl));
                    break;
                default:
                    return Fail(entry.Path, $"'{entry.Path}' is not a valid R4 {entry.ResourceType}: {error}{hint}");
            }
        }

        var drafts = Drafts(orders, medications);
        return service.Hook == CdsServiceCatalog.OrderSelect.Hook ? Selected(context, drafts, others) : (drafts, null);
    }

    /// <summary>Each order read, with the Medication its reference points to among those read beside it.</summary>
    public static List<DraftOrder> Drafts(List<(MedicationRequest Order, string? FullUrl, string? ReadNote)> orders, List<(Medication Medication, string? FullUrl)> medications) =>
        orders.Select(o => new DraftOrder(o.Order, Referenced(o.Order, medications), o.ReadNote, o.FullUrl)).ToList();

    /// <summary>Why an order cannot be checked for the patient in context: its subject names another; null when it does not.</summary>
    public static string? OfAnotherPatient(MedicationRequest order, string patientId) =>
        PatientReference.NamesAnother(order.Subject, patientId)
            ? $"The order{(order.Id is { Length: > 0 } id ? $" '{id}'" : string.Empty)} is for '{order.Subject?.Reference}', not the patient in context.patientId ('Patient/{patientId}'); no order of another patient is checked with this patient's data.{PatientReference.IdAloneHint(patientId, order.Subject?.Reference?.Split('/')[^1])}"
            : null;

    /// <summary>
    /// The orders an <c>order-select</c> call's <c>selections</c> name, each a reference to a draft order
    /// (<see cref="BundleReference"/>: <c>MedicationRequest/{id}</c>, or the entry's <c>fullUrl</c>). Only MedicationRequests
    /// are checked; a selection of another draft (a ServiceRequest) is a valid selection with nothing to check. Refused: a
    /// selection that names no draft order (answering without it would read as "checked": the order meant is unknown) and
    /// an empty list (the hook's <c>selections</c> is 1..*; "none selected" and "all selected" cannot be told apart).
    /// <paramref name="others"/> are the drafts that are not MedicationRequests.
    /// </summary>
    public static (IReadOnlyList<DraftOrder>? Orders, RequestProblem? Problem) Selected(IReadOnlyList<string> selections, IReadOnlyList<DraftOrder> orders, IReadOnlyList<(string Type, string? Id, string? FullUrl)> others)
    {
        if (selections.Count == 0)
        {
            return Fail("context.selections", "'context.selections' is empty: name the newly selected orders, such as \"MedicationRequest/123\" (the order-select hook requires at least one). Nothing was checked.");
        }

        for (var i = 0; i < selections.Count; i++)
        {
            var selection = selections[i];
            if (!orders.Any(o => Selects(selection, o)) && !others.Any(d => BundleReference.Names(selection, d.FullUrl, d.Type, d.Id)))
            {
                var bare = orders.FirstOrDefault(o => o.Order.Id == selection) is not null ? $" A selection is the order's type and id ('MedicationRequest/{selection}'), not its id alone." : string.Empty;
                return Fail(Invariant($"context.selections[{i}]"), $"'{selection}' names no order in context.draftOrders (by 'Type/id' or an entry's fullUrl), so the order meant cannot be told and nothing was checked.{bare}");
            }
        }

        return ([.. orders.Where(o => selections.Any(s => Selects(s, o)))], null);
    }

    private static bool Selects(string selection, DraftOrder order) =>
        BundleReference.Names(selection, order.FullUrl, "MedicationRequest", order.Order.Id);

    /// <summary>
    /// The Medication a <c>medicationReference</c> points to: <c>#id</c> among the order's contained resources, or a
    /// Bundle entry whose <c>fullUrl</c> is the reference (absolute, or <c>urn:uuid:</c>) or ends with it
    /// (<c>Medication/123</c>), or whose id is the one named.
    /// </summary>
    private static Medication? Referenced(MedicationRequest order, List<(Medication Medication, string? FullUrl)> entries)
    {
        if (order.Medication is not ResourceReference { Reference: { Length: > 0 } reference })
        {
            return null;
        }

        if (reference.StartsWith('#'))
        {
            return order.Contained.OfType<Medication>().FirstOrDefault(m => m.Id == reference[1..]);
        }

        var id = reference.StartsWith("Medication/", StringComparison.Ordinal) ? reference["Medication/".Length..].Split('/')[0] : null;
        return entries.FirstOrDefault(e => BundleReference.NamesFullUrl(reference, e.FullUrl)).Medication
            ?? (id is null ? null : entries.FirstOrDefault(e => e.Medication.Id == id).Medication);
    }

    /// <summary>
    /// The id of a resource Formulary does not parse, for a selection to name it; null when it has none. Its raw text, never
    /// transcoded: the resource is not read, so an id that is not valid UTF-8 must not fail the call (it then names nothing).
    /// </summary>
    private static string? IdOf(JsonElement resource) =>
        resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(id)[1..^1]) // the raw value holds its quotes
            : null;

    /// <summary>A hint when a parse error comes from the STU3 or DSTU2 shape of Dosage (a dose directly under dosageInstruction, or doseAndRate as one object).</summary>
    private static string OlderShapeHint(string? error) =>
        error is not null && error.Contains("dosageInstruction[", StringComparison.Ordinal)
            && (error.Contains("].doseQuantity", StringComparison.Ordinal) || error.Contains("].doseRange", StringComparison.Ordinal) || error.Contains("Dosage.doseAndRate", StringComparison.Ordinal))
            ? " (In R4 a dose is written dosageInstruction[].doseAndRate[].doseQuantity: doseAndRate is an array; a doseQuantity directly under dosageInstruction is the STU3 shape.)"
            : string.Empty;

    private static (IReadOnlyList<DraftOrder>? Orders, RequestProblem? Problem) Selected(JsonElement context, List<DraftOrder> orders, List<(string Type, string? Id, string? FullUrl)> others)
    {
        if (!context.TryGetProperty("selections", out var selections) || selections.ValueKind == JsonValueKind.Null)
        {
            return (orders, null);
        }

        if (selections.ValueKind != JsonValueKind.Array || selections.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String))
        {
            return Fail("context.selections", "'context.selections' must be an array of references such as \"MedicationRequest/123\".");
        }

        return Selected([.. selections.EnumerateArray().Select(s => s.GetString()!)], orders, others);
    }

    private static (IReadOnlyList<DraftOrder>? Orders, RequestProblem? Problem) Fail(string property, string detail) =>
        (null, new(RequestProblemKind.Malformed, property, detail));
}
