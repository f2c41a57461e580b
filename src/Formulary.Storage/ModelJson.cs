using System.Text.Json;
using System.Text.Json.Serialization;

namespace Formulary.Storage;

/// <summary>How models are stored as JSON: the web defaults (camelCase), enums by name.</summary>
internal static class ModelJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
