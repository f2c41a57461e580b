using Formulary.Web.Problems;
using Microsoft.Net.Http.Headers;

namespace Formulary.Web.Fhir;

/// <summary>
/// This server writes FHIR in JSON only. A client that asks for another format — <c>_format=xml</c>, or an
/// <c>Accept</c> header that allows none of the JSON media types — is answered 406 with an OperationOutcome
/// (FHIR R4 http.html, "Content Types and encodings"), never with JSON it did not ask for. No <c>Accept</c>,
/// <c>*/*</c>, <c>application/*</c>, <c>application/json</c>, <c>application/fhir+json</c> and the older
/// <c>application/json+fhir</c> are JSON; a type given <c>q=0</c> is refused by the client, so it does not count. A JSON type
/// whose <c>fhirVersion</c> parameter names another version than R4 (4.0) is not served either: "If the server does not
/// support the version requested, it SHALL return 406" (FHIR R4 http.html, "FHIR Version parameter").
/// </summary>
internal static class FhirFormat
{
    /// <summary>The <c>_format</c> values (and Accept media types) that mean JSON.</summary>
    public static readonly string[] Json = ["json", "application/json", "application/fhir+json", "application/json+fhir"];

    private static readonly string[] AcceptedTypes = ["*/*", "application/*", .. Json[1..]];

    /// <summary>Refuses, before the endpoint runs, a request that asks for a format other than JSON.</summary>
    public static RouteGroupBuilder WithJsonOnly(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (invocation, next) =>
            Refusal(invocation.HttpContext.Request) is { } detail
                ? ProblemMapping.Problem(ProblemCatalog.NotAcceptable, detail)
                : await next(invocation).ConfigureAwait(false));
        return group;
    }

    /// <summary>Why the request's format cannot be served, or null when JSON is what it asks for (or it does not say).</summary>
    public static string? Refusal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Query.TryGetValue("_format", out var format))
        {
            return format.Count == 1 && Json.Contains((format[0] ?? string.Empty).Trim(), StringComparer.OrdinalIgnoreCase)
                ? null
                : $"_format {ClientText.Quote(format.ToString())} cannot be served: this server writes FHIR in JSON only (_format json or application/fhir+json).";
        }

        var accept = request.Headers.Accept;
        if (accept.Count == 0 || string.IsNullOrWhiteSpace(accept.ToString()))
        {
            return null;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var types))
        {
            return $"Accept {ClientText.Quote(accept.ToString())} allows no format this server writes: it answers application/fhir+json only.";
        }

        var json = types.Where(t => t.Quality is not 0 && AcceptedTypes.Contains(t.MediaType.Value, StringComparer.OrdinalIgnoreCase)).ToList();
        return json.Count == 0 ? $"Accept {ClientText.Quote(accept.ToString())} allows no format this server writes: it answers application/fhir+json only."
            : json.Any(t => IsR4(FhirVersion(t))) ? null
            : $"Accept {ClientText.Quote(accept.ToString())} asks for another FHIR version: this server answers application/fhir+json only, in FHIR R4 (fhirVersion=4.0).";
    }

    /// <summary>A media type's <c>fhirVersion</c> parameter (FHIR R4 http.html, "FHIR Version parameter"), or null.</summary>
    private static string? FhirVersion(MediaTypeHeaderValue type) =>
        type.Parameters.FirstOrDefault(p => p.Name.Equals("fhirVersion", StringComparison.OrdinalIgnoreCase)) is { } parameter
            ? HeaderUtilities.RemoveQuotes(parameter.Value).ToString()
            : null;

    /// <summary>No version asked for, or R4's: "4.0", or a 4.0 patch release such as "4.0.1".</summary>
    private static bool IsR4(string? version) =>
        version is null || version == "4.0" || version.StartsWith("4.0.", StringComparison.Ordinal);
}
