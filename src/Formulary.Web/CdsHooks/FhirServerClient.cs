using System.Net.Http.Headers;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Fetches what the client did not prefetch from its FHIR server (CDS Hooks 2.0 §FHIR Resource Access):
/// the prefetch template's query, relative to <c>fhirServer</c>, with the client's bearer token. Bounded: the
/// named client has a short timeout, no redirects and a response size limit; any failure is "not had" (null).
/// </summary>
internal sealed partial class FhirServerClient(IHttpClientFactory factory, ILogger<FhirServerClient> logger)
{
    public const string ClientName = "formulary-cds-fhir";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public const long MaxResponseBytes = 1024 * 1024;

    public async Task<string?> GetAsync(Uri server, string query, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var baseText = server.AbsoluteUri.EndsWith('/') ? server.AbsoluteUri : server.AbsoluteUri + "/";
        var address = new Uri(new Uri(baseText), query);
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        try
        {
            using var client = factory.CreateClient(ClientName);
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogFailed(logger, address.GetLeftPart(UriPartial.Path), Invariant($"HTTP {(int)response.StatusCode}"));
                return null;
            }

            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, address.GetLeftPart(UriPartial.Path), e.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "FHIR server fetch failed for {Address}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string address, string reason);
}
