using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Formulary.Web.CdsHooks.Security;
using Formulary.Web.Tests.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// The site as <c>serve --cds-trust</c> starts it, trusting two test EHRs: <see cref="FileIssuer"/> with an
/// RSA and a P-384 EC key in a JWKS file, and <see cref="UrlIssuer"/> whose JWKS is served over loopback HTTP.
/// Keys are generated here (System.Security.Cryptography); nothing is shared with other tests.
/// </summary>
public sealed class CdsSecuredSiteFixture : SiteFixture
{
    public const string FileIssuer = "https://ehr.example.org";
    public const string UrlIssuer = "https://other-ehr.example.org";

    private readonly string jwksFile = Path.Combine(Path.GetTempPath(), "formulary-jwks-" + Guid.NewGuid().ToString("N") + ".json");
    private FakeFhirServer? jwksServer;

    public RSA Rsa { get; } = RSA.Create(2048);

    public ECDsa Ec { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP384);

    public RSA UrlIssuerRsa { get; } = RSA.Create(2048);

    public override async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(jwksFile, Jwks(Jwk(Rsa, "rsa-1"), Jwk(Ec, "ec-1")));
        jwksServer = await FakeFhirServer.StartAsync(new Dictionary<string, string> { ["jwks.json"] = Jwks(Jwk(UrlIssuerRsa, "other-1")) });
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await jwksServer!.DisposeAsync();
        File.Delete(jwksFile);
        Rsa.Dispose();
        Ec.Dispose();
        UrlIssuerRsa.Dispose();
    }

    protected override FormularyWebOptions Options(FormularyWebOptions defaults) => defaults with
    {
        CdsTrust = [new CdsTrustedIssuer(FileIssuer, jwksFile), new CdsTrustedIssuer(UrlIssuer, new Uri(jwksServer!.BaseAddress, "jwks.json").ToString())],
    };

    public static string Jwks(params JsonObject[] keys) => new JsonObject { ["keys"] = new JsonArray([.. keys]) }.ToJsonString();

    public static JsonObject Jwk(RSA rsa, string kid)
    {
        var p = rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject { ["kty"] = "RSA", ["kid"] = kid, ["use"] = "sig", ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent) };
    }

    public static JsonObject Jwk(ECDsa ec, string kid)
    {
        var p = ec.ExportParameters(includePrivateParameters: false);
        return new JsonObject { ["kty"] = "EC", ["kid"] = kid, ["use"] = "sig", ["crv"] = "P-384", ["x"] = Base64UrlEncoder.Encode(p.Q.X), ["y"] = Base64UrlEncoder.Encode(p.Q.Y) };
    }
}
