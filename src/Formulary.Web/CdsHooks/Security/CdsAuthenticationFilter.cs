using Formulary.Web.Pages;
using Formulary.Web.Problems;

namespace Formulary.Web.CdsHooks.Security;

/// <summary>
/// In front of every CDS Hooks endpoint: a call (POST) must carry a JWT that <see cref="CdsJwtVerifier"/>
/// accepts, with <c>aud</c> the URL called under the public base URL (a feedback call may also name its
/// service's URL); otherwise 401 with a problem body from the one mapping point. Discovery (GET) is open.
/// In development mode nothing is checked and every answer says so in <see cref="CdsSecurity.InsecureHeader"/>.
/// </summary>
internal sealed partial class CdsAuthenticationFilter(CdsSecuritySettings settings, CdsJwtVerifier verifier, SiteContextProvider site, ILogger<CdsAuthenticationFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (settings.InsecureDev)
        {
            http.Response.Headers[CdsSecurity.InsecureHeader] = CdsSecurity.InsecureHeaderValue;
            return await next(context).ConfigureAwait(false);
        }

        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            return await next(context).ConfigureAwait(false);
        }

        var result = await verifier.VerifyAsync(http.Request.Headers.Authorization, Audiences(http.Request), http.RequestAborted).ConfigureAwait(false);
        if (!result.IsValid)
        {
            LogRefused(logger, http.Request.Path, result.Failure!);
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return ProblemMapping.Problem(ProblemCatalog.Unauthorized, result.Failure);
        }

        return await next(context).ConfigureAwait(false);
    }

    private List<string> Audiences(HttpRequest request)
    {
        var called = site.Current.BaseUrl + request.PathBase + request.Path;
        return called.EndsWith("/feedback", StringComparison.Ordinal) ? [called, called[..^"/feedback".Length]] : [called];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CDS Hooks call to {Path} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string path, string reason);
}
