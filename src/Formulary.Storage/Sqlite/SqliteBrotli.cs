using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Formulary.Monographs.Model;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// What SQLite stores Brotli-compressed (PostgreSQL's TOAST compresses large values itself; ADR 0003):
/// each version's model as UTF-8 JSON (the parsed model repeats the text several times: body, each
/// section's Markdown and plain text; 10 KB of JSON is 2 KB packed) and, from schema 12, its source text
/// (about half its size: the Markdown is short, so less repeats). Older rows hold plain text (a schema-1
/// model is JSON text); both read. The fastest level: higher ones saved 4–14% more for 4–5× the CPU.
/// </summary>
internal static class SqliteBrotli
{
    private const int KeptCapacity = 1024 * 1024;

    [ThreadStatic]
    private static MemoryStream? kept;

    [ThreadStatic]
    private static byte[]? unpacked;

    public static byte[] PackModel(Monograph monograph) =>
        Pack(brotli => JsonSerializer.Serialize(brotli, monograph, ModelJson.Options));

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

    public static byte[] PackSections(Versions.StoredSections sections) =>
        Pack(brotli => JsonSerializer.Serialize(brotli, sections, ModelJsonContext.Default.StoredSections));

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
            var length = Encoding.UTF8.GetBytes(clean, utf8);
            return Pack(brotli => brotli.Write(utf8, 0, length));
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

    /// <remarks>
    /// Each thread keeps its output buffer for the next pack (an import packs two values per document on the thread
    /// pool; growing a new buffer each time was a tenth of its allocations). The encoder sees the same writes either way,
    /// so the packed bytes are the same.
    /// </remarks>
    private static byte[] Pack(Action<Stream> write)
    {
        var buffer = kept ?? new MemoryStream();
        kept = null;
        buffer.SetLength(0);
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            write(brotli);
        }

        var packed = buffer.ToArray();
        if (buffer.Capacity <= KeptCapacity)
        {
            kept = buffer;
        }

        return packed;
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
