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

    /// <summary>
    /// Writes <paramref name="value"/> and a line break. To the process's own standard output the UTF-8 is streamed
    /// to the stream in large writes: the console writer flushes every few hundred characters, so an import report
    /// of 100,000 documents (24 MB) cost ~93,000 <c>write</c> calls and a second copy of the text as a string.
    /// </summary>
    public static void Write<T>(TextWriter writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!ReferenceEquals(writer, Console.Out))
        {
            writer.WriteLine(JsonSerializer.Serialize(value, Options));
            return;
        }

        writer.Flush();
        using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        JsonSerializer.Serialize(stdout, value, Options);
        stdout.Write("\n"u8);
    }
}
