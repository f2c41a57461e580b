using System.Net;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// CORS on the CDS Hooks routes ("browser-based CDS Clients will require CORS support", CDS Hooks 2.0 §Security), over
/// real HTTP on a site that requires a JWT: a browser's preflight is answered without a token, the calls' answers (a
/// refusal included) carry the origin header, and the rest of the site has no CORS.
/// </summary>
public sealed class CdsCorsTests(CdsSecuredSiteFixture site) : IClassFixture<CdsSecuredSiteFixture>
{
    [Theory]
    [InlineData("/cds-services/formulary-dose-check")]
    [InlineData("/cds-services/formulary-dose-check/feedback")]
    public async Task Preflight_FromABrowserClient_IsAllowedWithoutAToken(string path)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri(path, UriKind.Relative));
        preflight.Headers.Add("Origin", "https://sandbox.cds-hooks.org");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        using var response = await site.Client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Contains("Authorization", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Theory]
    // discovery answers; a call without a token is refused, and the browser must still be allowed to read why
    [InlineData("GET", "/cds-services", HttpStatusCode.OK)]
    [InlineData("POST", "/cds-services/formulary-dose-check", HttpStatusCode.Unauthorized)]
    public async Task Answer_ToABrowserClient_CarriesTheOriginHeader(string method, string path, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        request.Headers.Add("Origin", "https://sandbox.cds-hooks.org");
        if (method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await site.Client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Preflight_ForTheRestOfTheSite_IsNotAllowed()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/dose", UriKind.Relative));
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await site.Client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
