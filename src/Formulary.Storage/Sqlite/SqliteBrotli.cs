using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Formulary.Monographs.Model;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// What SQLite stores Brotli-compressed (PostgreSQL's TOAST compresses large values itself; ADR 0003):
/// each version's model as UTF-8 JSON (the parsed model repeats the text several times: body, each
/// section's Markdown and plain text; 10 KB of JSON is 2 KB packed) and, from schema 12, its source text
/// (about half its size: the Markdown is short, so less repeats). Older rows hold plain text (a schema-1
/// model is JSON text); both read. Packed at Brotli's fastest level (<see cref="Quality"/>).
/// </summary>
internal static class SqliteBrotli
{
    private const int KeptCapacity = 1024 * 1024;

    /// <summary>Brotli's quality 1 (<see cref="CompressionLevel.Fastest"/>): higher ones saved 4–14% more for 4–5× the CPU.</summary>
    private const int Quality = 1;

    /// <summary>Brotli's default window (4 MB), as a <see cref="BrotliStream"/> writes.</summary>
    private const int Window = 22;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? keptJson;

    [ThreadStatic]
    private static Utf8JsonWriter? keptWriter;

    [ThreadStatic]
    private static byte[]? unpacked;

    public static byte[] PackModel(Monograph monograph) => PackJson(monograph, ModelJsonContext.Default.Monograph);

    public static Monograph UnpackModel(object stored) => UnpackModel(stored, ModelJson.Options);

    public static Monograph UnpackModel(object stored, JsonSerializerOptions options)
    {
        var monograph = stored switch
        {
            byte[] packed => JsonSerializer.Deserialize<Monograph>(Decompress(packed), options),
            string json => JsonSerializer.Deserialize<Monograph>(json, options),
            _ => null,
        };
        return monograph ?? throw new InvalidOperationException("a stored model is empty or of an unknown type");
    }

    public static byte[] PackSections(Versions.StoredSections sections) => PackJson(sections, ModelJsonContext.Default.StoredSections);

    public static Versions.StoredSections UnpackSections(object stored) =>
        (stored switch
        {
            byte[] packed => JsonSerializer.Deserialize(Decompress(packed), ModelJsonContext.Default.StoredSections),
            _ => null,
        }) ?? throw new InvalidOperationException("stored sections are empty or of an unknown type");

    /// <summary>The text as UTF-8, packed; it reads back char for char (a NUL was made U+FFFD before, <see cref="StoreText.Clean"/>).</summary>
    public static byte[] PackText(string text)
    {
        var clean = StoreText.Clean(text);
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(clean.Length));
        try
        {
            return Pack(utf8.AsSpan(0, Encoding.UTF8.GetBytes(clean, utf8)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    public static string UnpackText(object stored) => stored switch
    {
        // Not a StreamReader: it would drop a leading U+FEFF, and the text is kept as it was imported.
        byte[] packed => Encoding.UTF8.GetString(Decompress(packed)),
        string text => text,
        _ => throw new InvalidOperationException("a stored text is of an unknown type"),
    };

    /// <summary>
    /// The value as the store's JSON (<see cref="ModelJson.Options"/> gives the same: the writer escapes as it does), packed. Written by the generated code's
    /// fast path into this thread's buffer, then packed whole: serializing into a <see cref="BrotliStream"/> took the
    /// metadata path, and model JSON with its packing was a quarter of a fresh import's CPU (ADR 0003).
    /// </summary>
    private static byte[] PackJson<T>(T value, JsonTypeInfo<T> type)
    {
        var json = keptJson ?? new ArrayBufferWriter<byte>(64 * 1024);
        var writer = keptWriter ?? new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = ModelJson.Options.Encoder });
        (keptJson, keptWriter) = (null, null);
        json.ResetWrittenCount();
        writer.Reset(json);
        JsonSerializer.Serialize(writer, value, type);
        writer.Flush();
        var packed = Pack(json.WrittenSpan);
        if (json.Capacity <= KeptCapacity)
        {
            (keptJson, keptWriter) = (json, writer);
        }

        return packed;
    }

    /// <summary>The bytes packed in one call (the encoder sized for them), into a pooled buffer Brotli's bound says is enough.</summary>
    private static byte[] Pack(ReadOnlySpan<byte> data)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(data.Length));
        try
        {
            return BrotliEncoder.TryCompress(data, buffer, out var written, Quality, Window)
                ? buffer.AsSpan(0, written).ToArray()
                : throw new InvalidOperationException("Brotli could not pack a value into its own bound");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The packed bytes decompressed into this thread's buffer, valid until the thread's next call: read them before
    /// anything else unpacks on this thread.
    /// </summary>
    /// <remarks>
    /// Whole, not through a <see cref="BrotliStream"/>: System.Text.Json reads a model from one span on its fast path,
    /// but from a stream on its resumable one (each object's constructor arguments read "with continuation"), which with
    /// the stream's copies was a fifth of a whole static export's CPU. The decoder is disposed here: left to the
    /// finalizer, releasing each one's native state was a fifth of a whole static export's CPU (dotnet-trace), on the
    /// finalizer thread.
    /// </remarks>
    private static ReadOnlySpan<byte> Decompress(byte[] packed)
    {
        var buffer = unpacked ?? new byte[64 * 1024];
        unpacked = null;
        using var decoder = new BrotliDecoder();
        ReadOnlySpan<byte> source = packed;
        var length = 0;
        while (true)
        {
            var status = decoder.Decompress(source, buffer.AsSpan(length), out var consumed, out var written);
            source = source[consumed..];
            length += written;
            switch (status)
            {
                case OperationStatus.Done when source.IsEmpty:
                    if (buffer.Length <= KeptCapacity)
                    {
                        unpacked = buffer;
                    }

                    return buffer.AsSpan(0, length);
                case OperationStatus.DestinationTooSmall:
                    Array.Resize(ref buffer, buffer.Length * 2);
                    break;
                default:
                    throw new InvalidDataException("a stored value is not whole Brotli data (cut short, corrupt or followed by other bytes)");
            }
        }
    }
}
