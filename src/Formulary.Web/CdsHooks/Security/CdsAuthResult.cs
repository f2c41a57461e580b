namespace Formulary.Web.CdsHooks.Security;

/// <summary>A verified caller (<see cref="Issuer"/>), or why the token is refused (<see cref="Failure"/>, safe to show the caller).</summary>
internal sealed record CdsAuthResult(string? Issuer, string? Failure)
{
    public bool IsValid => Failure is null;

    public static CdsAuthResult Accepted(string issuer) => new(issuer, null);

    public static CdsAuthResult Refused(string failure) => new(null, failure);
}
