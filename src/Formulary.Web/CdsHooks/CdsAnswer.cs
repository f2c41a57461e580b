using System.Text.Encodings.Web;
using System.Text.Json;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// The 200 answer of a service call, written by the code <see cref="CdsJsonContext"/> generates straight into the
/// response body: the same bytes as <see cref="CdsJson.Options"/> would give. Serializing through those options cannot
/// take the generated fast path (System.Text.Json uses it only with options that set no encoder, and CDS Hooks text
/// keeps its non-ASCII unescaped), so the relaxed encoder is set on the writer instead, where it applies to the values
/// alike; property names are ASCII either way.
/// </summary>
internal sealed class CdsAnswer(CdsResponse response) : IResult
{
    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var http = httpContext.Response;
        http.StatusCode = StatusCodes.Status200OK;
        http.ContentType = "application/json; charset=utf-8";
        using (var writer = new Utf8JsonWriter(http.BodyWriter, Writing))
        {
            JsonSerializer.Serialize(writer, response, CdsJsonContext.Default.CdsResponse);
        }

        await http.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }
}
