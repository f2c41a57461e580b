using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Formulary.Web.Problems;

/// <summary>
/// Reads a JSON request body at the edge, for endpoints that read it themselves rather than bind it (so
/// that repeated and unknown properties can be seen): not JSON is a 415, malformed JSON a 400 naming the
/// line and position; a leading UTF-8 byte order mark is passed over. <see cref="Problem"/> answers a body that was read but not understood.
/// </summary>
internal static class JsonBody
{
    // The parse refuses a name repeated in one object as it builds the document, so a body without one (nearly
    // every body) needs no second pass over its bytes. A body it refuses is parsed again keeping repeats: if that
    // parse succeeds, a name was repeated and JsonDuplicates names it by path; if not, the JSON is malformed and its
    // position is named. Every JSON body of the API (dose, CDS Hooks, feedback) is refused here for a repeat, so no
    // reader of a document looks for one again.
    private static readonly JsonDocumentOptions NoRepeatedNames = new() { AllowDuplicateProperties = false };

    // UTF-8's byte order mark. RFC 8259 (8.1) lets a parser ignore one at the start of a body, and some clients (a .NET
    // StreamWriter with Encoding.UTF8, Windows PowerShell) send it: it is passed over, as ASP.NET's own JSON binding does,
    // rather than refusing every call of such a client as malformed.
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public static async Task<(JsonBodyDocument? Document, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request)
    {
        var (bytes, length, unsupported) = await ReadBytesAsync(request).ConfigureAwait(false);
        return bytes is null ? (null, unsupported) : Parse(bytes, length);
    }

    /// <summary>
    /// The whole body in a pooled array (the caller returns it to <see cref="ArrayPool{T}.Shared"/>, or hands it to
    /// <see cref="Parse"/>), or the 415 for a body that is not JSON.
    /// </summary>
    public static async Task<(byte[]? Bytes, int Length, ProblemHttpResult? Problem)> ReadBytesAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, 0, ProblemMapping.Problem(ProblemCatalog.UnsupportedMediaType, ProblemCatalog.UnsupportedMediaType.Explanation));
        }

        // JSON is read as UTF-8 only (RFC 8259 8.1): a body declared in another character set (a UTF-16 body said so) was
        // read as UTF-8 anyway and refused as "Invalid JSON at line 1, position 2", or, declared latin1, read as what it is not.
        if (!Utf8OrUnsaid(request.ContentType))
        {
            return (null, 0, ProblemMapping.Problem(ProblemCatalog.UnsupportedMediaType, "The body is declared in a character set other than UTF-8; JSON is read as UTF-8 only: send it as UTF-8 (charset=utf-8, or no charset)."));
        }

        var (bytes, length) = await ReadToEndAsync(request.BodyReader, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return (bytes, length, null);
    }

    /// <summary>No charset parameter (what nearly every client sends: checked without parsing, on each call's path), or UTF-8.</summary>
    private static bool Utf8OrUnsaid(string? contentType) =>
        contentType?.Contains("charset", StringComparison.OrdinalIgnoreCase) != true
        || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        || type.Charset.Length == 0
        || Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(type.Charset).Value?.ToUpperInvariant() is "UTF-8" or "UTF8";

    /// <summary>The body's document, which then owns <paramref name="bytes"/> (returned when it is disposed, or here when the body is refused).</summary>
    public static (JsonBodyDocument? Document, ProblemHttpResult? Problem) Parse(byte[] bytes, int length)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var json = bytes.AsMemory(0, length);
        try
        {
            return (new(JsonDocument.Parse(json, NoRepeatedNames), bytes), null);
        }
        catch (JsonException)
        {
            // A repeated name, or malformed JSON: told apart by the parse that keeps repeats.
        }

        try
        {
            var document = new JsonBodyDocument(JsonDocument.Parse(json), bytes);
            if (JsonDuplicates.Find(document.RootElement) is not { } duplicate)
            {
                return (document, null);
            }

            document.Dispose();
            return (null, Problem(duplicate, ProblemCatalog.MalformedJson));
        }
        catch (JsonException malformed)
        {
            ArrayPool<byte>.Shared.Return(bytes);
            return (null, ProblemMapping.Problem(ProblemCatalog.MalformedJson, $"Invalid JSON at line {(malformed.LineNumber ?? 0) + 1}, position {(malformed.BytePositionInLine ?? 0) + 1}."));
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

    /// <summary>
    /// The whole body in a pooled array (its length beside it), read from the request's pipe: Kestrel's body limit
    /// applies as it reads (a larger body throws its 413 here, as it did through the stream).
    /// </summary>
    private static async Task<(byte[] Bytes, int Length)> ReadToEndAsync(PipeReader body, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (read.IsCanceled)
            {
                throw new OperationCanceledException("The request body's read was canceled.", cancellationToken);
            }

            if (read.IsCompleted)
            {
                var json = StartsWithByteOrderMark(buffer) ? buffer.Slice(ByteOrderMark.Length) : buffer;
                var length = checked((int)json.Length);
                var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
                json.CopyTo(bytes);
                body.AdvanceTo(buffer.End);
                return (bytes, length);
            }

            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static bool StartsWithByteOrderMark(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < ByteOrderMark.Length)
        {
            return false;
        }

        Span<byte> first = stackalloc byte[3];
        buffer.Slice(0, first.Length).CopyTo(first);
        return first.SequenceEqual(ByteOrderMark);
    }
}
