using System.Text.Json;
using Formulary.Web.Fhir;
using Formulary.Web.Problems;
using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// The medication orders of a request's context: <c>draftOrders</c>, an R4 Bundle (CDS Hooks 2.0), or the
/// older <c>medications</c> (a Bundle, or an array of resources, as STU1-era clients send); both at once is
/// refused, since which list is meant cannot be told. For <c>order-select</c>, the <c>selections</c> (references
/// such as <c>MedicationRequest/123</c>) pick the orders to check; without them, every order is checked.
/// Resources other than MedicationRequest are not Formulary's to check and are passed over.
/// </summary>
internal static class CdsOrders
{
    /// <summary>More orders than this in one call is not an order being signed but a bulk upload.</summary>
    public const int MaxOrders = 50;

    public static (IReadOnlyList<MedicationRequest>? Orders, RequestProblem? Problem) Read(JsonElement context, CdsService service)
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
        var (resources, problem) = value.ValueKind switch
        {
            JsonValueKind.Object => FromBundle(name, value),
            JsonValueKind.Array => FromArray(name, value),
            _ => (null, new RequestProblem(RequestProblemKind.Malformed, name, $"'{name}' must be a FHIR Bundle.")),
        };
        if (resources is null)
        {
            return (null, problem);
        }

        var orders = resources.OfType<MedicationRequest>().ToList();
        if (orders.Count > MaxOrders)
        {
            return Fail(name, Invariant($"{orders.Count} medication orders in one call; at most {MaxOrders} are checked."));
        }

        return service.Hook == CdsServiceCatalog.OrderSelect.Hook ? Selected(context, orders) : (orders, null);
    }

    private static (IReadOnlyList<Resource>? Resources, RequestProblem? Problem) FromBundle(string name, JsonElement value)
    {
        var (bundle, error) = FhirJson.Read<Bundle>(value.GetRawText());
        return bundle is null
            ? (null, new(RequestProblemKind.Malformed, name, $"'{name}' is not a valid R4 Bundle: {error}"))
            : ([.. bundle.Entry.Select(e => e.Resource).OfType<Resource>()], null);
    }

    private static (IReadOnlyList<Resource>? Resources, RequestProblem? Problem) FromArray(string name, JsonElement value)
    {
        var resources = new List<Resource>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var (resource, error) = FhirJson.Read<Resource>(item.GetRawText());
            if (resource is null)
            {
                return (null, new(RequestProblemKind.Malformed, Invariant($"{name}[{index}]"), Invariant($"'{name}[{index}]' is not a valid R4 resource: {error}")));
            }

            resources.Add(resource);
            index++;
        }

        return (resources, null);
    }

    private static (IReadOnlyList<MedicationRequest>? Orders, RequestProblem? Problem) Selected(JsonElement context, List<MedicationRequest> orders)
    {
        if (!context.TryGetProperty("selections", out var selections) || selections.ValueKind == JsonValueKind.Null)
        {
            return (orders, null);
        }

        if (selections.ValueKind != JsonValueKind.Array || selections.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String))
        {
            return Fail("context.selections", "'context.selections' must be an array of references such as \"MedicationRequest/123\".");
        }

        var wanted = selections.EnumerateArray().Select(s => s.GetString()!).ToHashSet(StringComparer.Ordinal);
        return ([.. orders.Where(o => wanted.Contains("MedicationRequest/" + o.Id))], null);
    }

    private static (IReadOnlyList<MedicationRequest>? Orders, RequestProblem? Problem) Fail(string property, string detail) =>
        (null, new(RequestProblemKind.Malformed, property, detail));
}
