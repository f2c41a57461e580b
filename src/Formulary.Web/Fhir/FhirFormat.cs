using Formulary.Web.Problems;
using Microsoft.Net.Http.Headers;

namespace Formulary.Web.Fhir;

/// <summary>
/// This server writes FHIR in JSON only. A client that asks for another format — <c>_format=xml</c>, or an
/// <c>Accept</c> header that allows none of the JSON media types — is answered 406 with an OperationOutcome
/// (FHIR R4 http.html, "Content Types and encodings"), never with JSON it did not ask for. No <c>Accept</c>,
/// <c>*/*</c>, <c>application/*</c>, <c>application/json</c>, <c>application/fhir+json</c> and the older
/// <c>application/json+fhir</c> are JSON; a type given <c>q=0</c> is refused by the client, so it does not count.
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

        return MediaTypeHeaderValue.TryParseList(accept, out var types)
            && types.Any(t => t.Quality is not 0 && AcceptedTypes.Contains(t.MediaType.Value, StringComparer.OrdinalIgnoreCase))
            ? null
            : $"Accept {ClientText.Quote(accept.ToString())} allows no format this server writes: it answers application/fhir+json only.";
    }
}
