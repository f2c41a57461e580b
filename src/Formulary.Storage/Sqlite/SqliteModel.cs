using System.IO.Compression;
using System.Text.Json;
using Formulary.Monographs.Model;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// The model of each version is stored as Brotli-compressed UTF-8 JSON: the parsed model repeats the
/// text several times (body, each section's Markdown and plain text), and compression keeps a
/// 5,000-document history several times smaller. Databases from schema 1 hold plain JSON text; both read.
/// (PostgreSQL compresses large text itself, so it stores plain JSON.)
/// </summary>
internal static class SqliteModel
{
    public static byte[] Pack(Monograph monograph)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest))
        {
            JsonSerializer.Serialize(brotli, monograph, ModelJson.Options);
        }

        return buffer.ToArray();
    }

    public static Monograph Unpack(object stored)
    {
        var monograph = stored switch
        {
            byte[] packed => Decompress(packed),
            string json => JsonSerializer.Deserialize<Monograph>(json, ModelJson.Options),
            _ => null,
        };
        return monograph ?? throw new InvalidOperationException("a stored model is empty or of an unknown type");
    }

    /// <remarks>
    /// The decoder is disposed here: left to the finalizer, releasing each one's native state was a fifth of
    /// a whole static export's CPU (dotnet-trace), on the finalizer thread.
    /// </remarks>
    private static Monograph? Decompress(byte[] packed)
    {
        using var brotli = new BrotliStream(new MemoryStream(packed), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<Monograph>(brotli, ModelJson.Options);
    }
}
