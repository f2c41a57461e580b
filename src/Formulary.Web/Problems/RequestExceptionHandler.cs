using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Formulary.Web.Problems;

/// <summary>
/// Maps exceptions to problems. A bad request (oversize or malformed body) is the client's error and
/// gets a 4xx; anything else is a bug, logged with its stack and answered with a bare 500 problem.
/// </summary>
internal sealed partial class RequestExceptionHandler(ILogger<RequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (kind, detail) = Classify(exception);
        if (kind == ProblemCatalog.Internal)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
        }

        await ProblemMapping.WriteAsync(httpContext, kind, detail).ConfigureAwait(false);
        return true;
    }

    private static (ProblemKind Kind, string? Detail) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (ProblemCatalog.BodyTooLarge, ProblemCatalog.BodyTooLarge.Explanation),
        BadHttpRequestException { InnerException: JsonException json } => (ProblemCatalog.MalformedJson, JsonDetail(json)),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
            (ProblemCatalog.UnsupportedMediaType, ProblemCatalog.UnsupportedMediaType.Explanation),
        BadHttpRequestException bad when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) =>
            (ProblemCatalog.MalformedJson, bad.Message),
        BadHttpRequestException bad => (ProblemCatalog.ForStatus(bad.StatusCode), bad.Message),
        JsonException json => (ProblemCatalog.MalformedJson, JsonDetail(json)),
        _ => (ProblemCatalog.Internal, null),
    };

    private static string JsonDetail(JsonException json) =>
        json.LineNumber is { } line
            ? $"Invalid JSON at line {line + 1}, position {json.BytePositionInLine + 1}: {json.Message}"
            : json.Message;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception serving {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
