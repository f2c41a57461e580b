namespace Formulary.Web.CdsHooks.Security;

/// <summary>
/// An EHR whose signed JWTs the CDS Hooks endpoints accept: its <c>iss</c> and where its public keys
/// are (a JWKS file path, or an http(s) URL fetched and cached). Written <c>ISSUER=JWKS</c>, split at the first <c>=</c>.
/// </summary>
public sealed record CdsTrustedIssuer(string Issuer, string Jwks)
{
    public bool JwksIsUrl => Jwks.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || Jwks.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The issuer, or null and why <paramref name="text"/> is not <c>ISSUER=JWKS</c>.</summary>
    public static (CdsTrustedIssuer? Issuer, string? Error) Parse(string? text)
    {
        var equals = text?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        if (text is null || equals <= 0 || equals == text.Length - 1)
        {
            return (null, $"'{text}' is not ISSUER=JWKS (the issuer's iss, '=', then its JWKS file path or URL)");
        }

        var issuer = text[..equals].Trim();
        var jwks = text[(equals + 1)..].Trim();
        if (issuer.Length == 0 || jwks.Length == 0)
        {
            return (null, $"'{text}' is not ISSUER=JWKS (the issuer's iss, '=', then its JWKS file path or URL)");
        }

        var trusted = new CdsTrustedIssuer(issuer, jwks);
        return trusted.UnsafeJwksUrl is { } problem ? (null, problem) : (trusted, null);
    }

    /// <summary>Why the JWKS URL may not be used (plain http to another machine: keys could be replaced on the way), or null.</summary>
    public string? UnsafeJwksUrl =>
        JwksIsUrl && (!Uri.TryCreate(Jwks, UriKind.Absolute, out var url) || !PlainHttp.IsSafe(url))
            ? $"the JWKS of '{Issuer}' at '{Jwks}' must be an https URL (plain http only to this machine): keys fetched over plain http could be replaced on the way"
            : null;
}
