using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Formulary.Web.Problems;

/// <summary>
/// Reads a JSON request body at the edge, for endpoints that read it themselves rather than bind it (so
/// that repeated and unknown properties can be seen): not JSON is a 415, malformed JSON a 400 naming the
/// line and position. <see cref="Problem"/> answers a body that was read but not understood.
/// </summary>
internal static class JsonBody
{
    public static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, ProblemMapping.Problem(ProblemCatalog.UnsupportedMediaType, ProblemCatalog.UnsupportedMediaType.Explanation));
        }

        try
        {
            return (await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false), null);
        }
        catch (JsonException json)
        {
            return (null, ProblemMapping.Problem(ProblemCatalog.MalformedJson, $"Invalid JSON at line {(json.LineNumber ?? 0) + 1}, position {(json.BytePositionInLine ?? 0) + 1}."));
        }
    }

    /// <summary>The problem for a body that was not read: unknown and repeated properties by name, anything else as <paramref name="malformed"/>.</summary>
    public static ProblemHttpResult Problem(RequestProblem problem, ProblemKind malformed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var kind = problem.Kind switch
        {
            RequestProblemKind.UnknownProperty => ProblemCatalog.UnknownProperty,
            RequestProblemKind.DuplicateProperty => ProblemCatalog.DuplicateProperty,
            _ => malformed,
        };
        return ProblemMapping.Problem(kind, problem.Detail, problem.Property is null ? null : new Dictionary<string, object?> { ["property"] = problem.Property });
    }
}
