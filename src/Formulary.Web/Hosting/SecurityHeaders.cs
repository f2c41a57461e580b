using Microsoft.Net.Http.Headers;

namespace Formulary.Web.Hosting;

/// <summary>
/// Headers every response carries. The policy allows only this site's own scripts, styles, images
/// and fonts: no inline script (a page that needs one sets its own policy with the script's hash),
/// no framing, no MIME sniffing, and no referrer sent to other sites. Over HTTPS, HSTS for a year
/// (not for loopback names: a developer's browser would then refuse plain HTTP on every local port).
/// </summary>
internal static class SecurityHeaders
{
    public const string DefaultPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; manifest-src 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            // OnStarting, so headers survive the exception handler clearing the response.
            context.Response.OnStarting(static state =>
            {
                Apply((HttpResponse)state);
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });

    /// <summary>Sets the headers on a response about to start (the middleware above, or a page served before it).</summary>
    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = DefaultPolicy;
        }

        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
        var request = response.HttpContext.Request;
        if (request.IsHttps && request.Host.Host is not ("localhost" or "127.0.0.1" or "[::1]"))
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }
    }
}
