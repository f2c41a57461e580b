using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Formulary.Web.CdsHooks;

/// <summary>The JSON settings of CDS Hooks bodies: camelCase names as the specification writes them, absent members left out,
/// text unescaped beyond what JSON requires. The answer of a service call is written by <see cref="CdsAnswer"/> with the same
/// settings through generated code.</summary>
internal static class CdsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Apostrophes and non-ASCII (µ, ², ≥) written as they are: the body is JSON for clients, never inlined into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
