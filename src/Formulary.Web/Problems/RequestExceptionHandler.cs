using System.Text.Json;
using System.Text.RegularExpressions;
using Formulary.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Formulary.Web.Problems;

/// <summary>
/// Maps exceptions to problems. A fault in the request (oversize, stalled or malformed body, a bad
/// form, a value that does not bind) is the client's: a 4xx with its own problem type and one log
/// line without a stack. Anything else is a bug: logged with its stack and answered with a bare 500.
/// </summary>
internal sealed partial class RequestExceptionHandler(ILogger<RequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.RequestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException)
        {
            // The client went away: nobody is left to answer.
            LogAborted(logger, httpContext.Request.Method, httpContext.Request.Path);
            return true;
        }

        var (kind, detail) = Classify(exception);
        if (kind == ProblemCatalog.Internal)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
        }
        else if (kind == ProblemCatalog.StoreUnavailable)
        {
            LogStoreUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, exception.Message);
            httpContext.Response.Headers.RetryAfter = "1";
        }
        else
        {
            LogClientFault(logger, kind.Status, kind.Code, httpContext.Request.Method, httpContext.Request.Path, detail);
        }

        await ProblemMapping.WriteAsync(httpContext, kind, detail).ConfigureAwait(false);
        return true;
    }

    internal static (ProblemKind Kind, string? Detail) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => (ProblemCatalog.MalformedJson, JsonDetail(json)),
        BadHttpRequestException { InnerException: InvalidDataException or IOException } bad => (ProblemCatalog.MalformedForm, bad.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) =>
            (ProblemCatalog.MalformedJson, bad.Message),
        BadHttpRequestException bad => (ProblemCatalog.ForStatus(bad.StatusCode), StatusDetail(bad)),
        JsonException json => (ProblemCatalog.MalformedJson, JsonDetail(json)),
        _ when StoreFaults.IsTransient(exception) => (ProblemCatalog.StoreUnavailable, null),
        _ => (ProblemCatalog.Internal, null),
    };

    /// <summary>Kestrel's own message, or the kind's explanation where the message says nothing more, or what a value that did not bind should have been.</summary>
    private static string StatusDetail(BadHttpRequestException bad)
    {
        var kind = ProblemCatalog.ForStatus(bad.StatusCode);
        return kind == ProblemCatalog.BodyTooLarge || kind == ProblemCatalog.UnsupportedMediaType ? kind.Explanation : BindDetail(bad.Message) ?? bad.Message;
    }

    /// <summary>
    /// ASP.NET's "Failed to bind parameter "Nullable&lt;int&gt; limit" from "abc"." names a .NET type; the client is
    /// told what the parameter takes instead (numbers are read one way: digits, no grouping separators).
    /// </summary>
    internal static string? BindDetail(string message)
    {
        var match = BindFailure().Match(message);
        if (!match.Success)
        {
            return null;
        }

        var type = match.Groups["type"].Value;
        var expected = type switch
        {
            _ when type.Contains("int", StringComparison.Ordinal) || type.Contains("long", StringComparison.Ordinal) => "a whole number written with digits only (no grouping separators, no exponent)",
            _ when type.Contains("bool", StringComparison.Ordinal) => "true or false",
            _ when type.Contains("decimal", StringComparison.Ordinal) || type.Contains("double", StringComparison.Ordinal) => "a number written with digits and a point for decimals",
            _ when type.Contains("Date", StringComparison.Ordinal) => "a date written YYYY-MM-DD",
            _ => "a value of another form",
        };
        return $"{match.Groups["name"].Value} must be {expected}; {ClientText.Quote(match.Groups["value"].Value)} is not.";
    }

    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[^ \"]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex BindFailure();

    private static string JsonDetail(JsonException json) =>
        json.LineNumber is { } line
            ? $"Invalid JSON at line {line + 1}, position {json.BytePositionInLine + 1}: {json.Message}"
            : json.Message;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception serving {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store unavailable on {Method} {Path}: {Exception}: {Reason}")]
    private static partial void LogStoreUnavailable(ILogger logger, string method, string path, string exception, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Client fault {Status} {Problem} on {Method} {Path}: {Detail}")]
    internal static partial void LogClientFault(ILogger logger, int status, string problem, string method, string path, string? detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Client closed the connection during {Method} {Path}")]
    private static partial void LogAborted(ILogger logger, string method, string path);
}
