using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Text as a JSON string value in UTF-8, quotes included, escaped exactly as <see cref="System.Text.Json.Utf8JsonWriter"/>
/// escapes it with <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> (the writer hands every character that needs
/// escaping to that encoder): runs of printable ASCII are narrowed in bulk, the three characters a card's Markdown is full of
/// (<c>"</c>, <c>\</c>, a line break) get the encoder's short forms, and every other character outside printable ASCII is
/// asked of the encoder itself. The writer's own path escapes a long text (a card's detail) character by character through
/// UTF-16 and then transcodes it: about 5% of a call's CPU.
/// </summary>
internal static class RelaxedJsonString
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Printable ASCII but the quote and the backslash: what needs no escaping.</summary>
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>The most bytes one UTF-16 character can become: <c>\uXXXX</c>.</summary>
    private const int MaxBytesPerChar = 6;

    /// <summary>The most bytes <see cref="Write"/> can give for <paramref name="length"/> characters.</summary>
    public static int MaxBytes(int length) => checked((length * MaxBytesPerChar) + 2);

    /// <summary>Writes <paramref name="text"/> as a quoted, escaped JSON string into <paramref name="destination"/> (at least <see cref="MaxBytes"/> long); the bytes written.</summary>
    public static int Write(Span<byte> destination, ReadOnlySpan<char> text)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, MaxBytes(text.Length));
        var written = 0;
        destination[written++] = (byte)'"';
        Span<char> escaped = stackalloc char[16];
        while (!text.IsEmpty)
        {
            var plain = text.IndexOfAnyExcept(Plain);
            var run = plain < 0 ? text.Length : plain;
            if (run > 0)
            {
                // Printable ASCII: one byte per character.
                Ascii.FromUtf16(text[..run], destination[written..], out var narrowed);
                written += narrowed;
                text = text[run..];
                if (text.IsEmpty)
                {
                    break;
                }
            }

            var c = text[0];
            switch (c)
            {
                case '"':
                    written += Short(destination[written..], (byte)'"');
                    text = text[1..];
                    continue;
                case '\\':
                    written += Short(destination[written..], (byte)'\\');
                    text = text[1..];
                    continue;
                case '\n':
                    written += Short(destination[written..], (byte)'n');
                    text = text[1..];
                    continue;
            }

            var length = char.IsHighSurrogate(c) && text.Length > 1 && char.IsLowSurrogate(text[1]) ? 2 : 1;
            if (length == 1 && !char.IsSurrogate(c) && !Encoder.WillEncode(c))
            {
                written += new Rune(c).EncodeToUtf8(destination[written..]);
            }
            else
            {
                Encoder.Encode(text[..length], escaped, out _, out var chars, isFinalBlock: true);
                Utf8.FromUtf16(escaped[..chars], destination[written..], out _, out var bytes);
                written += bytes;
            }

            text = text[length..];
        }

        destination[written++] = (byte)'"';
        return written;
    }

    private static int Short(Span<byte> destination, byte escape)
    {
        destination[0] = (byte)'\\';
        destination[1] = escape;
        return 2;
    }
}
