namespace Formulary.Web.CdsHooks;

/// <summary>
/// Whether a reference names an entry of the request's Bundle: the entry's <c>fullUrl</c> itself (absolute or
/// <c>urn:uuid:</c>), the end of an absolute <c>fullUrl</c> after a slash when the reference has the form <c>{type}/{id}</c>
/// (<c>Medication/123</c> in <c>http://ehr/fhir/Medication/123</c>), or the entry's type and id. A bare id is no reference: it
/// could be an order of any type.
/// </summary>
internal static class BundleReference
{
    public static bool Names(string reference, string? fullUrl, string type, string? id) =>
        NamesFullUrl(reference, fullUrl) || (id is { Length: > 0 } && reference == type + "/" + id);

    public static bool NamesFullUrl(string reference, string? fullUrl) =>
        fullUrl is not null
        && (fullUrl == reference || (reference.Contains('/', StringComparison.Ordinal) && fullUrl.EndsWith("/" + reference, StringComparison.Ordinal)));
}
