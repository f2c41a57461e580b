namespace Formulary.Web.CdsHooks.Security;

/// <summary>A trusted issuer's JWKS URL could not be fetched or read: the token cannot be checked, so it is refused.</summary>
internal sealed class JwksUnavailableException : Exception
{
    public JwksUnavailableException()
    {
    }

    public JwksUnavailableException(string message)
        : base(message)
    {
    }

    public JwksUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
