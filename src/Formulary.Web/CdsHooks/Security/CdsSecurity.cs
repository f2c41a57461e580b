using Microsoft.AspNetCore.Routing;

namespace Formulary.Web.CdsHooks.Security;

/// <summary>Registers the JWT check of the CDS Hooks endpoints and puts it in front of their route group.</summary>
internal static partial class CdsSecurity
{
    public const string JwksClientName = "cds-jwks";
    public const string InsecureHeader = "X-Formulary-Cds-Auth";
    public const string InsecureHeaderValue = "insecure-dev: JWTs are not verified (serve --cds-insecure-dev)";

    public static IServiceCollection AddCdsSecurity(this IServiceCollection services, FormularyWebOptions options, IConfiguration configuration)
    {
        var settings = CdsSecuritySettings.From(options, configuration);
        services.AddSingleton(settings);
        services.AddHttpClient(JwksClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(5);
            client.MaxResponseContentBufferSize = IssuerKeys.MaxJwksBytes;
        }).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<JwtReplayCache>();
        services.AddSingleton(provider =>
        {
            var time = provider.GetRequiredService<TimeProvider>();
            var http = provider.GetRequiredService<IHttpClientFactory>();
            var issuers = settings.Trust.ToDictionary(t => t.Issuer, t => new IssuerKeys(t, http, time), StringComparer.Ordinal);
            return new CdsJwtVerifier(issuers, provider.GetRequiredService<JwtReplayCache>(), time);
        });
        return services;
    }

    /// <summary>
    /// Every endpoint of <paramref name="group"/> checks the caller's JWT (<see cref="CdsAuthenticationFilter"/>).
    /// JWKS files are read here, so a bad one stops the start; the mode is logged once.
    /// </summary>
    public static RouteGroupBuilder RequireCdsJwt(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var services = ((IEndpointRouteBuilder)group).ServiceProvider;
        var settings = services.GetRequiredService<CdsSecuritySettings>();
        _ = services.GetRequiredService<CdsJwtVerifier>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CdsSecurity).FullName!);
        if (settings.InsecureDev)
        {
            LogInsecure(logger);
        }
        else
        {
            LogTrust(logger, settings.Trust.Count, string.Join(", ", settings.Trust.Select(t => t.Issuer)));
        }

        group.AddEndpointFilter<CdsAuthenticationFilter>();
        return group;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CDS Hooks authentication is OFF (--cds-insecure-dev): calls are answered without verifying any JWT. Never use this outside development.")]
    private static partial void LogInsecure(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "CDS Hooks calls need a JWT from one of {Count} trusted issuers: {Issuers}")]
    private static partial void LogTrust(ILogger logger, int count, string issuers);
}
