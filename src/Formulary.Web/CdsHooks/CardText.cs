using System.Security.Cryptography;
using System.Text;

namespace Formulary.Web.CdsHooks;

/// <summary>Card text rules: summaries cut to 140 characters at a word, Markdown escaped, card ids derived from the call.</summary>
internal static class CardText
{
    public const int MaxSummaryChars = 140;

    public static string Summary(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var single = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (single.Length <= MaxSummaryChars)
        {
            return single;
        }

        var cut = single[..(MaxSummaryChars - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > MaxSummaryChars / 2 ? cut[..space] : cut).TrimEnd(',', ';', ':', ' ') + "…";
    }

    /// <summary>Text from a monograph or a request, safe inside Markdown: no markup, links or HTML of its own.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '!')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return escaped.ToString();
    }

    /// <summary>
    /// A UUID derived from the hook instance and what the card is about (RFC 9562 §5.8 layout over SHA-256):
    /// the same call gives the same ids, so a client can match feedback and a test can compare answers.
    /// </summary>
    public static string Uuid(string hookInstance, string what)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(hookInstance + "\n" + what));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
