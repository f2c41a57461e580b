using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Formulary.Web.CdsHooks.Security;

/// <summary>
/// Checks the JWT an EHR sends with a CDS Hooks call (CDS Hooks 2.0, "Trusting CDS Clients"): signed with
/// RS384 or ES384 only (never <c>none</c>, never a shared-secret HS*), by a key of the trusted issuer that
/// <c>iss</c> names (keys from configuration only; a <c>jku</c> header is never fetched), <c>aud</c> the URL of
/// the endpoint called, <c>exp</c> present, not passed and at most five minutes ahead (with
/// <see cref="ClockSkew"/>), a <c>jti</c> not seen before. Signature and claims are checked by
/// Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/>; time comes from the injected clock.
/// </summary>
internal sealed class CdsJwtVerifier(IReadOnlyDictionary<string, IssuerKeys> issuers, JwtReplayCache replays, TimeProvider time)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(5);
    public static readonly IReadOnlyList<string> Algorithms = [SecurityAlgorithms.RsaSha384, SecurityAlgorithms.EcdsaSha384];

    private const int MaxTokenChars = 16 * 1024;
    private static readonly JsonWebTokenHandler Handler = new() { MaximumTokenSizeInBytes = MaxTokenChars };

    public async Task<CdsAuthResult> VerifyAsync(string? authorization, IReadOnlyList<string> audiences, CancellationToken cancellationToken)
    {
        if (issuers.Count == 0)
        {
            return CdsAuthResult.Refused("This server trusts no EHR yet: its operator must name each one with serve --cds-trust ISSUER=JWKS.");
        }

        if (string.IsNullOrWhiteSpace(authorization))
        {
            return CdsAuthResult.Refused("No Authorization header: CDS Hooks calls must carry 'Authorization: Bearer <JWT>' signed by a trusted EHR.");
        }

        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return CdsAuthResult.Refused("The Authorization header is not 'Bearer <JWT>'.");
        }

        var token = authorization["Bearer ".Length..].Trim();
        if (token.Length > MaxTokenChars || !Handler.CanReadToken(token))
        {
            return CdsAuthResult.Refused("The bearer token is not a JWT.");
        }

        JsonWebToken jwt;
        try
        {
            jwt = Handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return CdsAuthResult.Refused("The bearer token is not a JWT.");
        }

        if (!Algorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return CdsAuthResult.Refused($"The token's alg is '{jwt.Alg}'; only RS384 and ES384 signatures are accepted (never none or a shared-secret algorithm).");
        }

        if (string.IsNullOrEmpty(jwt.Issuer) || !issuers.TryGetValue(jwt.Issuer, out var keys))
        {
            return CdsAuthResult.Refused($"The token's iss '{jwt.Issuer}' is not a trusted issuer.");
        }

        if (string.IsNullOrEmpty(jwt.Id))
        {
            return CdsAuthResult.Refused("The token has no jti (required against replay).");
        }

        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out _))
        {
            return CdsAuthResult.Refused("The token has no exp.");
        }

        var now = time.GetUtcNow();
        var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        if (expires > now + MaxLifetime + ClockSkew)
        {
            return CdsAuthResult.Refused("The token's exp is more than five minutes ahead (CDS Hooks allows at most five).");
        }

        IReadOnlyList<SecurityKey> signingKeys;
        try
        {
            signingKeys = await keys.KeysAsync(jwt.Kid, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JwksUnavailableException or HttpRequestException or TaskCanceledException)
        {
            return CdsAuthResult.Refused($"The keys of '{jwt.Issuer}' could not be had to check the signature; try again.");
        }

        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidAlgorithms = Algorithms,
            ValidIssuer = keys.Issuer,
            ValidAudiences = audiences,
            IssuerSigningKeys = signingKeys,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = (notBefore, expiry, _, _) =>
                expiry is { } exp && now < new DateTimeOffset(exp, TimeSpan.Zero) + ClockSkew
                && (notBefore is not { } nbf || new DateTimeOffset(nbf, TimeSpan.Zero) - ClockSkew <= now),
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return CdsAuthResult.Refused(Reason(result.Exception));
        }

        if (!replays.TryUse(keys.Issuer, jwt.Id, expires + ClockSkew, out var full))
        {
            return CdsAuthResult.Refused(full ? "Too many recent tokens to check for replay; try again shortly." : "The token's jti was already used: a token is accepted once.");
        }

        return CdsAuthResult.Accepted(keys.Issuer);
    }

    /// <summary>What failed, in words for the caller (the library's messages name keys and internals).</summary>
    private static string Reason(Exception? failure) => failure switch
    {
        SecurityTokenInvalidAudienceException => "The token's aud is not the URL of the service called.",
        SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException or SecurityTokenNotYetValidException => "The token has expired or is not yet valid.",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "The token's signature does not verify with the issuer's keys.",
        SecurityTokenInvalidAlgorithmException => "Only RS384 and ES384 signatures are accepted.",
        SecurityTokenInvalidIssuerException => "The token's iss is not a trusted issuer.",
        SecurityTokenNoExpirationException => "The token has no exp.",
        _ => "The token could not be verified.",
    };
}
