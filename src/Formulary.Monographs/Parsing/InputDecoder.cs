using System.Text;
using System.Text.Unicode;
using Formulary.Monographs.Diagnostics;

namespace Formulary.Monographs.Parsing;

/// <summary>
/// Turns the file's bytes into text, or refuses them: too large, UTF-16 or UTF-32, binary (NUL bytes), empty.
/// Invalid UTF-8 is decoded with U+FFFD and reported at the first bad byte, so nothing else is lost.
/// </summary>
internal static class InputDecoder
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    public static string? Decode(ReadOnlySpan<byte> bytes, ParserLimits limits, string path, List<Diagnostic> diagnostics)
    {
        if (bytes.Length > limits.MaxBytes)
        {
            diagnostics.Add(TooLarge(path, limits));
            return null;
        }

        // UTF-16 and UTF-32 text is full of NUL bytes; its byte-order mark says what it is.
        if (WideEncoding(bytes) is { } encoding)
        {
            diagnostics.Add(DiagnosticCodes.NotUtf8Encoding.At(path, SourcePosition.FileStart,
                $"the file is {encoding} text (it starts with that byte-order mark); save it as UTF-8; it was not read"));
            return null;
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            diagnostics.Add(DiagnosticCodes.BinaryFile.At(path, BytePosition(bytes, nul),
                $"the file holds a NUL byte at offset {nul}: it is binary, not a Markdown monograph; it was not read"));
            return null;
        }

        if (bytes.StartsWith(Bom))
        {
            bytes = bytes[Bom.Length..];
        }

        if (!Utf8.IsValid(bytes))
        {
            var bad = FirstInvalidByte(bytes);
            diagnostics.Add(DiagnosticCodes.InvalidUtf8.At(path, BytePosition(bytes, bad),
                $"invalid UTF-8 at byte offset {bad}; save the file as UTF-8 (invalid bytes were read as U+FFFD)"));
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(DiagnosticCodes.EmptyFile.At(path, SourcePosition.FileStart,
                "the file is empty; a monograph needs at least a front matter with a title"));
            return null;
        }

        return text;
    }

    private static string? WideEncoding(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => "UTF-32 (little-endian)",
        [0x00, 0x00, 0xFE, 0xFF, ..] => "UTF-32 (big-endian)",
        [0xFF, 0xFE, ..] => "UTF-16 (little-endian)",
        [0xFE, 0xFF, ..] => "UTF-16 (big-endian)",
        _ => null,
    };

    public static Diagnostic TooLarge(string path, ParserLimits limits) =>
        DiagnosticCodes.FileTooLarge.At(path, SourcePosition.FileStart, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the file holds more than {limits.MaxBytes} bytes, the most the parser reads ({limits.MaxBytes / 1024 / 1024} MiB); it was not read"));

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        Span<char> buffer = stackalloc char[256];
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Utf8.ToUtf16(bytes[offset..], buffer, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                return offset + read;
            }

            offset += read;
        }

        return offset;
    }

    /// <summary>Line and column of a byte offset (column counted in bytes: the text around it may not decode).</summary>
    private static SourcePosition BytePosition(ReadOnlySpan<byte> bytes, int offset)
    {
        // Line ends as SourceText counts them: \n, \r\n or a lone \r.
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + before.Count((byte)'\r') - before.Count("\r\n"u8) + 1;
        var lineStart = before.LastIndexOfAny((byte)'\r', (byte)'\n') + 1;
        return new SourcePosition(line, offset - lineStart + 1);
    }
}
