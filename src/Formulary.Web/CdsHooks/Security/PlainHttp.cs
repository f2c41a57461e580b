namespace Formulary.Web.CdsHooks.Security;

/// <summary>
/// A secret (the EHR's FHIR access token) or a trust anchor (an issuer's signing keys) travels only over TLS:
/// an <c>https</c> address, or plain <c>http</c> to this machine (a loopback host: development and tests, as
/// RFC 8252 §7.3 allows for loopback redirects). CDS Hooks 2.0 asks for TLS on every exchange and for an
/// <c>https</c> <c>fhirServer</c>; over plain http to another host, a token could be read and keys replaced on the way.
/// </summary>
internal static class PlainHttp
{
    /// <summary>True when <paramref name="address"/> is https, or http to a loopback host.</summary>
    public static bool IsSafe(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback);
    }
}
