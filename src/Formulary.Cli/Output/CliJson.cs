using System.Text.Json;
using System.Text.Json.Serialization;

namespace Formulary.Cli.Output;

/// <summary>The one JSON setting every command's <c>--json</c> uses: camelCase, enums as strings, indented.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write<T>(TextWriter writer, T value) => writer.WriteLine(JsonSerializer.Serialize(value, Options));
}
