namespace Formulary.Web.Problems;

/// <summary>
/// Refuses, before routing, a path that holds a control character (<c>/composition/a%0a</c>): no
/// page or slug has one, and such a value must never reach a header (a redirect) or a log line raw.
/// </summary>
internal static partial class PathGuard
{
    public static WebApplication UsePathGuard(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Value is { } path && path.Any(char.IsControl))
            {
                LogRefused(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PathGuard)), path.Length);
                await ProblemMapping.WriteAsync(context, ProblemCatalog.BadRequest,
                    "The path holds a control character (such as %0A); addresses here never do.").ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Client fault 400 bad-request: a path of {Length} characters holding a control character")]
    private static partial void LogRefused(ILogger logger, int length);
}
