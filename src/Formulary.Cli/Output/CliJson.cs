using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Formulary.Cli.Output;

/// <summary>The one JSON setting every command's <c>--json</c> uses: camelCase, enums as strings, indented.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>
    /// Writes <paramref name="value"/> and a line break. To the process's own standard output the UTF-8 is streamed
    /// to the stream in large writes: the console writer flushes every few hundred characters, so an import report
    /// of 100,000 documents (24 MB) cost ~93,000 <c>write</c> calls and a second copy of the text as a string.
    /// </summary>
    public static void Write<T>(TextWriter writer, T value) => Write(writer, value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    /// <summary>
    /// As <see cref="Write{T}(TextWriter, T)"/>, with serialization code generated at build time (<see cref="CliJsonContext"/>).
    /// The value goes through a <see cref="Utf8JsonWriter"/> of our own: serializing to a stream takes the generator's
    /// metadata path, not its fast path; <see cref="ChunkedOutput"/> keeps what is buffered to a few pages however long the report.
    /// </summary>
    public static void Write<T>(TextWriter writer, T value, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(type);
        if (!ReferenceEquals(writer, Console.Out))
        {
            writer.WriteLine(JsonSerializer.Serialize(value, type));
            return;
        }

        writer.Flush();
        using var stdout = Console.OpenStandardOutput();
        var output = new ChunkedOutput(stdout);
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = type.Options.WriteIndented }))
        {
            JsonSerializer.Serialize(json, value, type);
        }

        output.Write("\n"u8);
        output.Drain();
    }

    /// <summary>A buffer a <see cref="Utf8JsonWriter"/> writes into, passed on to a stream in 64 KB writes as it fills.</summary>
    private sealed class ChunkedOutput(Stream stream) : IBufferWriter<byte>
    {
        private const int Chunk = 1 << 16;
        private byte[] buffer = new byte[Chunk * 2];
        private int used;

        public void Advance(int count) => used += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return buffer.AsMemory(used);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return buffer.AsSpan(used);
        }

        public void Write(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(GetSpan(bytes.Length));
            Advance(bytes.Length);
        }

        public void Drain()
        {
            stream.Write(buffer, 0, used);
            used = 0;
            stream.Flush();
        }

        private void Reserve(int sizeHint)
        {
            if (used >= Chunk)
            {
                stream.Write(buffer, 0, used);
                used = 0;
            }

            var needed = used + Math.Max(sizeHint, Chunk);
            if (needed > buffer.Length)
            {
                Array.Resize(ref buffer, needed);
            }
        }
    }
}
