using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Formulary.Storage;

/// <summary>
/// How models are stored as JSON: the web defaults (camelCase), enums by name. The generated code of
/// <see cref="ModelJsonContext"/> serves the types it covers; reflection serves the rest, to the same JSON.
/// </summary>
internal static class ModelJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ModelJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };
}
