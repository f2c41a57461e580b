using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Formulary.Clinical;

namespace Formulary.Web.CdsHooks;

/// <summary>Card text rules: summaries cut below 140 characters at a word, Markdown escaped, card ids derived from the call.</summary>
internal static class CardText
{
    /// <summary>
    /// 139: CDS Hooks 2.0 asks for a "&lt;140-character summary" (Card, <c>summary</c>), and issue 11 for one of at most 140;
    /// 140 itself met the issue, not the specification (a black-box probe, session 25).
    /// </summary>
    public const int MaxSummaryChars = 139;

    /// <summary>A card's detail is a few thousand characters (7.4 KB for a dose card with its trace).</summary>
    private const int DetailCapacity = 8 * 1024;

    /// <summary>What <see cref="Escape"/> changes: Markdown's markup characters (escaped with a backslash) and line breaks (made spaces).</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create("\\`*_[]<>#|!\r\n");

    public static string Summary(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var single = SingleSpacedText.Of(text);
        if (single.Length <= MaxSummaryChars)
        {
            return single;
        }

        var cut = single[..(MaxSummaryChars - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > MaxSummaryChars / 2 ? cut[..space] : cut).TrimEnd(',', ';', ':', ' ') + "…";
    }

    /// <summary>
    /// An empty builder for a card's detail, to be given back through <see cref="Finish"/> by the same synchronous method
    /// (the thread's builder, <see cref="ThreadTextBuilder"/>).
    /// </summary>
    public static StringBuilder Detail() => ThreadTextBuilder.Take(DetailCapacity);

    /// <summary>The text of a builder from <see cref="Detail"/>, which is kept for the thread's next card.</summary>
    public static string Finish(StringBuilder builder) => ThreadTextBuilder.Finish(builder);

    /// <summary>Text from a monograph or a request, safe inside Markdown: no markup, links or HTML of its own.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny(Special) < 0 ? text : AppendEscaped(new StringBuilder(text.Length + 16), text).ToString();
    }

    /// <summary><see cref="Escape"/>, appended to <paramref name="builder"/> without a string of its own.</summary>
    public static StringBuilder AppendEscaped(StringBuilder builder, string text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.AsSpan();
        for (var next = rest.IndexOfAny(Special); next >= 0; next = rest.IndexOfAny(Special))
        {
            builder.Append(rest[..next]);
            if (rest[next] is '\r' or '\n')
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append('\\').Append(rest[next]);
            }

            rest = rest[(next + 1)..];
        }

        return builder.Append(rest);
    }

    /// <summary>
    /// A UUID derived from the hook instance and what the card is about (RFC 9562 §5.8 layout over SHA-256):
    /// the same call gives the same ids, so a client can match feedback and a test can compare answers.
    /// </summary>
    public static string Uuid(string hookInstance, string what)
    {
        ArgumentNullException.ThrowIfNull(hookInstance);
        ArgumentNullException.ThrowIfNull(what);
        var length = Encoding.UTF8.GetMaxByteCount(hookInstance.Length + 1 + what.Length);
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> input = rented is null ? stackalloc byte[1024] : rented;
            var written = Encoding.UTF8.GetBytes(hookInstance, input);
            input[written++] = (byte)'\n';
            written += Encoding.UTF8.GetBytes(what, input[written..]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(input[..written], hash);
            hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            return new Guid(hash[..16], bigEndian: true).ToString();
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
