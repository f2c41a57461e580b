using Microsoft.IdentityModel.Tokens;

namespace Formulary.Web.CdsHooks.Security;

/// <summary>
/// One trusted issuer's public signing keys (RSA and EC only: a symmetric key in a JWKS is ignored).
/// A file is read once at start (a bad file stops the start); a URL is fetched with a bounded client,
/// kept for <see cref="UrlKeysFor"/>, and fetched again early (at most every <see cref="RefetchAfter"/>)
/// when a token names a key id it does not have (key rotation).
/// </summary>
internal sealed class IssuerKeys
{
    public static readonly TimeSpan UrlKeysFor = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan RefetchAfter = TimeSpan.FromSeconds(30);
    public const int MaxJwksBytes = 256 * 1024;

    private readonly CdsTrustedIssuer trusted;
    private readonly IHttpClientFactory? http;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim gate = new(1, 1);
    private Fetched? current;

    public IssuerKeys(CdsTrustedIssuer trusted, IHttpClientFactory? http, TimeProvider time)
    {
        this.trusted = trusted;
        this.http = http;
        this.time = time;
        if (trusted.UnsafeJwksUrl is { } unsafeUrl)
        {
            throw new Hosting.StartupException("--cds-trust: " + unsafeUrl);
        }

        if (!trusted.JwksIsUrl)
        {
            try
            {
                current = new Fetched(Read(ReadFile(trusted), trusted.Jwks), DateTimeOffset.MaxValue);
            }
            catch (JwksUnavailableException e)
            {
                throw new Hosting.StartupException("--cds-trust: " + e.Message);
            }
        }
    }

    public string Issuer => trusted.Issuer;

    /// <summary>The keys to verify a token with <paramref name="kid"/> (all of them when it names none).</summary>
    public async Task<IReadOnlyList<SecurityKey>> KeysAsync(string? kid, CancellationToken cancellationToken)
    {
        var held = Volatile.Read(ref current);
        var now = time.GetUtcNow();
        if (held is not null && now < held.Until && (kid is null || held.Keys.Any(k => k.KeyId == kid) || !trusted.JwksIsUrl))
        {
            return held.Keys;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            held = Volatile.Read(ref current);
            var stale = held is null || now >= held.Until;
            var rotated = held is not null && kid is not null && held.Keys.All(k => k.KeyId != kid) && now - held.FetchedAt >= RefetchAfter;
            if (stale || rotated)
            {
                var keys = Read(await FetchAsync(cancellationToken).ConfigureAwait(false), trusted.Jwks);
                held = new Fetched(keys, now + UrlKeysFor) { FetchedAt = now };
                Volatile.Write(ref current, held);
            }

            return held!.Keys;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        var client = http!.CreateClient(CdsSecurity.JwksClientName);
        using var response = await client.GetAsync(new Uri(trusted.Jwks), HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new JwksUnavailableException($"the JWKS of '{trusted.Issuer}' answered {(int)response.StatusCode}");
        }

        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string ReadFile(CdsTrustedIssuer trusted)
    {
        try
        {
            var info = new FileInfo(trusted.Jwks);
            if (!info.Exists)
            {
                throw new Hosting.StartupException($"--cds-trust: the JWKS file '{trusted.Jwks}' of '{trusted.Issuer}' does not exist");
            }

            return info.Length > MaxJwksBytes
                ? throw new Hosting.StartupException($"--cds-trust: the JWKS file '{trusted.Jwks}' is larger than {MaxJwksBytes} bytes")
                : File.ReadAllText(trusted.Jwks);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Hosting.StartupException($"--cds-trust: the JWKS file '{trusted.Jwks}' cannot be read: {e.Message}");
        }
    }

    /// <summary>The asymmetric signing keys of a JWKS document; a document with none is refused.</summary>
    private static List<SecurityKey> Read(string json, string where)
    {
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(json);
        }
        catch (ArgumentException e)
        {
            throw new JwksUnavailableException($"'{where}' is not a JWKS document: {e.Message}", e);
        }

        var keys = set.Keys
            .Where(k => k.Kty is JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve && k.Use is null or JsonWebKeyUseNames.Sig)
            .Cast<SecurityKey>()
            .ToList();
        return keys.Count == 0 ? throw new JwksUnavailableException($"'{where}' has no RSA or EC signing key") : keys;
    }

    private sealed record Fetched(IReadOnlyList<SecurityKey> Keys, DateTimeOffset Until)
    {
        public DateTimeOffset FetchedAt { get; init; } = DateTimeOffset.MinValue;
    }
}
