using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Formulary.Web.CdsHooks.Security;
using Formulary.Web.Hosting;
using Formulary.Web.Tests.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// The JWT an EHR sends with a CDS Hooks call, checked over real HTTP: accepted when signed RS384 or ES384
/// by a trusted issuer's key, for this service's URL, unexpired and fresh; each other case is a 401 problem.
/// Times are relative to the site's fixed clock (<see cref="SiteFixture.Now"/>), never the machine's.
/// </summary>
public sealed class CdsSecurityTests(CdsSecuredSiteFixture site) : IClassFixture<CdsSecuredSiteFixture>
{
    private const string Sign = "/cds-services/formulary-dose-check";

    private string Audience => site.BaseAddress.ToString().TrimEnd('/') + Sign;

    [Fact]
    public async Task Rs384_FromTheFileIssuer_IsAccepted()
    {
        var (status, _) = await CallAsync(Token(Rsa()));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Es384_FromTheFileIssuer_IsAccepted()
    {
        var key = new ECDsaSecurityKey(site.Ec) { KeyId = "ec-1" };
        var (status, _) = await CallAsync(Token(new SigningCredentials(key, SecurityAlgorithms.EcdsaSha384)));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Rs384_FromTheIssuerWhoseJwksIsAUrl_IsAccepted()
    {
        var key = new RsaSecurityKey(site.UrlIssuerRsa) { KeyId = "other-1" };
        var (status, _) = await CallAsync(Token(new SigningCredentials(key, SecurityAlgorithms.RsaSha384), issuer: CdsSecuredSiteFixture.UrlIssuer));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task NoAuthorizationHeader_Is401()
    {
        var (status, problem) = await CallAsync(authorization: null);

        AssertRefused(status, problem, "No Authorization header");
    }

    [Fact]
    public async Task AlgNone_Is401()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(new JsonObject
        {
            ["iss"] = CdsSecuredSiteFixture.FileIssuer, ["aud"] = Audience, ["jti"] = Guid.NewGuid().ToString(),
            ["iat"] = SiteFixture.Now.ToUnixTimeSeconds(), ["exp"] = SiteFixture.Now.AddMinutes(4).ToUnixTimeSeconds(),
        }.ToJsonString());

        var (status, problem) = await CallAsync("Bearer " + header + "." + payload + ".");

        AssertRefused(status, problem, "alg is 'none'");
    }

    [Fact]
    public async Task SymmetricHs256_Is401()
    {
        var secret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "rsa-1" };
        var (status, problem) = await CallAsync(Token(new SigningCredentials(secret, SecurityAlgorithms.HmacSha256)));

        AssertRefused(status, problem, "alg is 'HS256'");
    }

    [Fact]
    public async Task Rs256WithATrustedKey_Is401()
    {
        var key = new RsaSecurityKey(site.Rsa) { KeyId = "rsa-1" };
        var (status, problem) = await CallAsync(Token(new SigningCredentials(key, SecurityAlgorithms.RsaSha256)));

        AssertRefused(status, problem, "only RS384 and ES384");
    }

    [Fact]
    public async Task UntrustedIssuer_Is401()
    {
        var (status, problem) = await CallAsync(Token(Rsa(), issuer: "https://stranger.example.org"));

        AssertRefused(status, problem, "not a trusted issuer");
    }

    [Fact]
    public async Task KeyNotOfTheIssuer_Is401()
    {
        // Signed by another EHR's (trusted) key, but claiming to be the file issuer: keys are per issuer.
        var key = new RsaSecurityKey(site.UrlIssuerRsa) { KeyId = "rsa-1" };
        var (status, problem) = await CallAsync(Token(new SigningCredentials(key, SecurityAlgorithms.RsaSha384)));

        AssertRefused(status, problem, "signature does not verify");
    }

    [Fact]
    public async Task AudienceOfAnotherUrl_Is401()
    {
        var (status, problem) = await CallAsync(Token(Rsa(), audience: site.BaseAddress.ToString().TrimEnd('/') + "/cds-services/another-service"));

        AssertRefused(status, problem, "aud is not the URL");
    }

    [Fact]
    public async Task Expired_Is401()
    {
        // Expired two minutes ago: beyond the 30 s clock skew.
        var (status, problem) = await CallAsync(Token(Rsa(), issuedAt: SiteFixture.Now.AddMinutes(-7), expires: SiteFixture.Now.AddMinutes(-2)));

        AssertRefused(status, problem, "expired");
    }

    [Fact]
    public async Task ExpiredWithinTheClockSkew_IsAccepted()
    {
        var (status, _) = await CallAsync(Token(Rsa(), issuedAt: SiteFixture.Now.AddMinutes(-5), expires: SiteFixture.Now.AddSeconds(-10)));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task ExpiryMoreThanFiveMinutesAhead_Is401()
    {
        var (status, problem) = await CallAsync(Token(Rsa(), expires: SiteFixture.Now.AddHours(1)));

        AssertRefused(status, problem, "more than five minutes ahead");
    }

    [Fact]
    public async Task NoJti_Is401()
    {
        var (status, problem) = await CallAsync(Token(Rsa(), jti: null));

        AssertRefused(status, problem, "no jti");
    }

    [Fact]
    public async Task ReplayedToken_IsAcceptedOnceThen401()
    {
        var token = Token(Rsa());

        var (first, _) = await CallAsync(token);
        var (second, problem) = await CallAsync(token);

        Assert.Equal(HttpStatusCode.OK, first);
        AssertRefused(second, problem, "already used");
    }

    [Fact]
    public async Task TamperedPayload_Is401()
    {
        var parts = Token(Rsa())["Bearer ".Length..].Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["iss"] = CdsSecuredSiteFixture.FileIssuer;
        payload["sub"] = "someone-else";

        var (status, problem) = await CallAsync("Bearer " + parts[0] + "." + Base64UrlEncoder.Encode(payload.ToJsonString()) + "." + parts[2]);

        AssertRefused(status, problem, "signature does not verify");
    }

    [Theory]
    [InlineData("/feedback")]
    [InlineData("")]
    public async Task Feedback_WithATokenForTheFeedbackUrlOrItsService_IsRecorded(string audienceSuffix)
    {
        var (status, _) = await CallAsync(Token(Rsa(), audience: Audience + audienceSuffix), Sign + "/feedback", FeedbackBody);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Feedback_WithoutAToken_Is401()
    {
        var (status, problem) = await CallAsync(authorization: null, Sign + "/feedback", FeedbackBody);

        AssertRefused(status, problem, "No Authorization header");
    }

    [Fact]
    public async Task Discovery_NeedsNoToken()
    {
        using var response = await site.Client.GetAsync(new Uri("/cds-services", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains(CdsSecurity.InsecureHeader));
    }

    [Fact]
    public void TrustEntry_WithoutEquals_IsRefused()
    {
        Assert.Null(CdsTrustedIssuer.Parse("https://ehr.example.org").Issuer);
        Assert.Equal(new CdsTrustedIssuer("https://ehr.example.org", "/etc/jwks.json"), CdsTrustedIssuer.Parse("https://ehr.example.org=/etc/jwks.json").Issuer);
    }

    [Fact]
    public async Task MissingJwksFile_StopsTheStartWithOneLine()
    {
        var options = new FormularyWebOptions { Urls = "http://127.0.0.1:0", ConsoleLogs = ConsoleLogFormat.None, CdsTrust = [new CdsTrustedIssuer("https://ehr.example.org", "/no/such/jwks.json")] };

        var failure = await Assert.ThrowsAsync<StartupException>(() => ContentSite.StartAsync(options, site.ContentDirectory, Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".db"), TimeProvider.System));

        Assert.Contains("/no/such/jwks.json", StartupFailure.Describe(failure, options.Urls, "db"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://ehr.example.org=http://ehr.example.org/jwks.json", false)]
    [InlineData("https://ehr.example.org=http://10.0.0.5/jwks.json", false)]
    [InlineData("https://ehr.example.org=https://ehr.example.org/jwks.json", true)]
    [InlineData("https://ehr.example.org=http://127.0.0.1:8080/jwks.json", true)]
    [InlineData("https://ehr.example.org=http://localhost/jwks.json", true)]
    public void TrustEntry_JwksOverPlainHttpToAnotherMachine_IsRefused(string entry, bool accepted)
    {
        var (issuer, error) = CdsTrustedIssuer.Parse(entry);

        Assert.Equal(accepted, issuer is not null);
        if (!accepted)
        {
            Assert.Contains("must be an https URL", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task JwksOverPlainHttpToAnotherMachine_StopsTheStartWithOneLine()
    {
        var options = new FormularyWebOptions { Urls = "http://127.0.0.1:0", ConsoleLogs = ConsoleLogFormat.None, CdsTrust = [new CdsTrustedIssuer("https://ehr.example.org", "http://ehr.example.org/jwks.json")] };

        var failure = await Assert.ThrowsAsync<StartupException>(() => ContentSite.StartAsync(options, site.ContentDirectory, Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".db"), TimeProvider.System));

        Assert.Contains("must be an https URL", StartupFailure.Describe(failure, options.Urls, "db"), StringComparison.Ordinal);
    }

    private SigningCredentials Rsa() => new(new RsaSecurityKey(site.Rsa) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha384);

    private string Token(SigningCredentials credentials, string issuer = CdsSecuredSiteFixture.FileIssuer, string? audience = null, DateTimeOffset? issuedAt = null, DateTimeOffset? expires = null, string? jti = "new")
    {
        var claims = new Dictionary<string, object> { ["sub"] = "ehr-client" };
        if (jti is not null)
        {
            claims["jti"] = Guid.NewGuid().ToString();
        }

        var issued = issuedAt ?? SiteFixture.Now.AddSeconds(-5);
        return "Bearer " + new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience ?? Audience,
            IssuedAt = issued.UtcDateTime,
            Expires = (expires ?? SiteFixture.Now.AddMinutes(4)).UtcDateTime,
            Claims = claims,
            SigningCredentials = credentials,
        });
    }

    private const string FeedbackBody = """{"feedback":[{"card":"9f1c0a52-0000-4000-8000-000000000001","outcome":"overridden","outcomeTimestamp":"2026-03-02T09:01:00Z"}]}""";

    private async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(string? authorization, string path = Sign, string? body = null)
    {
        body ??= await File.ReadAllTextAsync(Path.Combine(ConformanceVectorTests.Folder, "01-child.request.json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await site.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }

        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static void AssertRefused(HttpStatusCode status, JsonElement problem, string reason)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("/problems/unauthorized", problem.GetProperty("type").GetString());
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", problem.GetRawText(), StringComparison.Ordinal);
    }
}

/// <summary>Development mode (the shared site fixture runs in it) and the secure default of a site that trusts no one.</summary>
public sealed class CdsInsecureDevTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task InsecureDev_AnswersWithoutAToken_AndSaysSoInAHeader()
    {
        var body = await File.ReadAllTextAsync(Path.Combine(ConformanceVectorTests.Folder, "01-child.request.json"));
        using var response = await site.Client.PostAsync(new Uri("/cds-services/formulary-dose-check", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("insecure-dev", response.Headers.GetValues(CdsSecurity.InsecureHeader).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ByDefault_NoEhrIsTrusted_AndCallsAre401()
    {
        var database = Path.Combine(Path.GetTempPath(), "formulary-" + Guid.NewGuid().ToString("N") + ".db");
        var app = await ContentSite.StartAsync(new FormularyWebOptions { Urls = "http://127.0.0.1:0", ConsoleLogs = ConsoleLogFormat.None, MinimumLogLevel = LogLevel.Warning }, site.ContentDirectory, database, TimeProvider.System);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
            var body = await File.ReadAllTextAsync(Path.Combine(ConformanceVectorTests.Folder, "01-child.request.json"));
            using var response = await client.PostAsync(new Uri("/cds-services/formulary-dose-check", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.False(response.Headers.Contains(CdsSecurity.InsecureHeader));
            Assert.Contains("--cds-trust", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            foreach (var file in Directory.EnumerateFiles(Path.GetTempPath(), Path.GetFileName(database) + "*"))
            {
                File.Delete(file);
            }
        }
    }
}
