namespace Formulary.Web.Hosting;

/// <summary>
/// HEAD answers as GET does, without the body (RFC 9110 §9.3.2): CDNs, link checkers and load balancers
/// ask with HEAD, and minimal-API GET routes do not match it. The method is read as GET for routing;
/// Kestrel still knows the request was HEAD and sends the headers (Content-Length included) but no body.
/// </summary>
internal static class HeadRequests
{
    public static WebApplication UseHeadAsGet(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });
        return app;
    }
}
