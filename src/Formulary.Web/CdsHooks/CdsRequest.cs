namespace Formulary.Web.CdsHooks;

/// <summary>
/// A CDS Hooks 2.0 call as read (§HTTP Request): the fields Formulary uses, checked. <see cref="Orders"/> are
/// the MedicationRequests to check, each with the Medication it references when the request holds it (from <c>context.draftOrders</c>, or the older <c>context.medications</c>;
/// for <c>order-select</c>, only the <c>selections</c>). <see cref="Prefetch"/> holds each prefetched value (null when the client
/// sent null): unread elements of the request's document, valid while the call is answered, or values already read.
/// </summary>
internal sealed record CdsRequest(
    string Hook,
    string HookInstance,
    Uri? FhirServer,
    string? AccessToken,
    string PatientId,
    IReadOnlyList<DraftOrder> Orders,
    IReadOnlyDictionary<string, PrefetchValue?> Prefetch);
