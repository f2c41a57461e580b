using Formulary.Web.Hosting;

namespace Formulary.Web.CdsHooks.Security;

/// <summary>
/// Who may call the CDS services: the trusted issuers from <c>serve --cds-trust</c> plus the configuration
/// keys <c>CdsHooks:Trust:N</c> (same <c>ISSUER=JWKS</c> form), and <c>--cds-insecure-dev</c> /
/// <c>CdsHooks:InsecureDev</c>, which turns verification off (off by default).
/// </summary>
internal sealed record CdsSecuritySettings(IReadOnlyList<CdsTrustedIssuer> Trust, bool InsecureDev)
{
    public static CdsSecuritySettings From(FormularyWebOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var trust = options.CdsTrust.ToList();
        foreach (var entry in configuration.GetSection("CdsHooks:Trust").GetChildren())
        {
            var (issuer, error) = CdsTrustedIssuer.Parse(entry.Value);
            trust.Add(issuer ?? throw new StartupException($"configuration {entry.Path}: {error}"));
        }

        if (trust.GroupBy(t => t.Issuer, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new StartupException($"--cds-trust: the issuer '{twice.Key}' is given more than once");
        }

        var insecure = options.CdsInsecureDev;
        if (configuration["CdsHooks:InsecureDev"] is { } text)
        {
            insecure |= bool.TryParse(text, out var value) ? value : throw new StartupException($"configuration CdsHooks:InsecureDev: '{text}' is not true or false");
        }

        return new CdsSecuritySettings(trust, insecure);
    }
}
