using System.Text.Json;
using Formulary.Web.Problems;
using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Reads a CDS Hooks request strictly where Formulary reads it and tolerantly where the specification
/// leaves room. Refused (400, naming the property): a property given twice anywhere in the body (which value
/// was meant cannot be told), a top-level property the specification does not define (its request fields plus
/// <c>extension</c>), a hook other than the service's, a missing <c>hookInstance</c> or <c>context.patientId</c>,
/// <c>fhirAuthorization</c> without <c>fhirServer</c> (cds-r-1), draft orders that are not valid R4 JSON.
/// Tolerated: <c>extension</c> and context fields Formulary does not read (a later minor version of a hook may
/// add optional context fields), resources other than MedicationRequest among the draft orders, and the top-level
/// <c>user</c> (a string) of the drafts before CDS Hooks 1.0, which sent it beside the older <c>medications</c> shape
/// (the current user is <c>context.userId</c> now; Formulary reads neither).
/// </summary>
internal static class CdsRequestReader
{
    private static readonly HashSet<string> TopLevel = new(StringComparer.Ordinal)
    {
        "hook", "hookInstance", "fhirServer", "fhirAuthorization", "context", "prefetch", "extension", "user",
    };

    /// <summary>The request in <paramref name="root"/>, a body <see cref="JsonBody.ReadAsync"/> read (no property repeated in it).</summary>
    public static (CdsRequest? Request, RequestProblem? Problem) Read(JsonElement root, CdsService service)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail(null, $"The body must be a JSON object, not {root.ValueKind.ToString().ToLowerInvariant()}.");
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!TopLevel.Contains(property.Name))
            {
                return (null, new(RequestProblemKind.UnknownProperty, property.Name, $"'{property.Name}' is not a field of a CDS Hooks request. Known fields: {string.Join(", ", TopLevel)}."));
            }
        }

        var hook = Text(root, "hook");
        if (hook != service.Hook)
        {
            return Fail("hook", hook is null ? $"'hook' is missing; this service answers '{service.Hook}'." : $"This service answers '{service.Hook}', not '{hook}'.");
        }

        if (Text(root, "hookInstance") is not { Length: > 0 } instance)
        {
            return Fail("hookInstance", "'hookInstance' is missing or not a string; give the UUID of this hook call.");
        }

        if (root.TryGetProperty("user", out var user) && user.ValueKind != JsonValueKind.String)
        {
            return Fail("user", "'user' (the current user, in requests before CDS Hooks 1.0) must be a string such as \"Practitioner/123\".");
        }

        var (server, serverProblem) = ReadServer(root);
        if (serverProblem is not null)
        {
            return (null, serverProblem);
        }

        var (token, tokenProblem) = ReadAuthorization(root, server);
        if (tokenProblem is not null)
        {
            return (null, tokenProblem);
        }

        if (!root.TryGetProperty("context", out var context) || context.ValueKind != JsonValueKind.Object)
        {
            return Fail("context", "'context' is missing or not an object.");
        }

        if (Text(context, "patientId") is not { Length: > 0 } patientId)
        {
            return Fail("context.patientId", "'context.patientId' is missing or not a string.");
        }

        var (orders, ordersProblem) = CdsOrders.Read(context, service, patientId);
        if (ordersProblem is not null)
        {
            return (null, ordersProblem);
        }

        var (prefetch, prefetchProblem) = ReadPrefetch(root);
        return prefetchProblem is not null
            ? (null, prefetchProblem)
            : (new CdsRequest(hook, instance, server, token, patientId, orders!, prefetch!), null);
    }

    public static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static (CdsRequest? Request, RequestProblem? Problem) Fail(string? property, string detail) =>
        (null, new(RequestProblemKind.Malformed, property, detail));

    private static (Uri? Server, RequestProblem? Problem) ReadServer(JsonElement root)
    {
        if (!root.TryGetProperty("fhirServer", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        return value.ValueKind == JsonValueKind.String && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? (uri, null)
            : (null, new(RequestProblemKind.Malformed, "fhirServer", "'fhirServer' must be the absolute http(s) base URL of the client's FHIR server."));
    }

    private static (string? Token, RequestProblem? Problem) ReadAuthorization(JsonElement root, Uri? server)
    {
        if (!root.TryGetProperty("fhirAuthorization", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return (null, new(RequestProblemKind.Malformed, "fhirAuthorization", "'fhirAuthorization' must be an object."));
        }

        if (server is null)
        {
            return (null, new(RequestProblemKind.Malformed, "fhirAuthorization", "'fhirAuthorization' is given without 'fhirServer' (cds-r-1): give the server the token is for."));
        }

        if (!Security.PlainHttp.IsSafe(server))
        {
            return (null, new(RequestProblemKind.Malformed, "fhirServer", "'fhirServer' must be an https URL to be sent the access token (plain http only to this machine): over plain http the token could be read on the way."));
        }

        var type = Text(value, "token_type");
        return Text(value, "access_token") is { Length: > 0 } token && string.Equals(type, "Bearer", StringComparison.OrdinalIgnoreCase)
            ? (token, null)
            : (null, new(RequestProblemKind.Malformed, "fhirAuthorization", "'fhirAuthorization' needs 'access_token' (a string) and 'token_type' \"Bearer\"."));
    }

    private static (IReadOnlyDictionary<string, PrefetchValue?>? Prefetch, RequestProblem? Problem) ReadPrefetch(JsonElement root)
    {
        var prefetch = new Dictionary<string, PrefetchValue?>(StringComparer.Ordinal);
        if (!root.TryGetProperty("prefetch", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (prefetch, null);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return (null, new(RequestProblemKind.Malformed, "prefetch", "'prefetch' must be an object of prefetch keys."));
        }

        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                return (null, new(RequestProblemKind.Malformed, "prefetch." + entry.Name, $"'prefetch.{entry.Name}' must be a FHIR resource (an object) or null."));
            }

            prefetch[entry.Name] = entry.Value.ValueKind == JsonValueKind.Null ? null : new PrefetchValue(entry.Value, null);
        }

        return (prefetch, null);
    }
}
