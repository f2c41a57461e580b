namespace Formulary.Web.Problems;

/// <summary>Text a client sent, as a problem's detail and the log quote it back: cut, and printable.</summary>
internal static class ClientText
{
    private const int MaxChars = 40;

    /// <summary>In quotes, at most 40 characters (then "…"), control characters as '?'.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var printable = new string([.. text.Take(MaxChars).Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > MaxChars ? $"\"{printable}…\"" : $"\"{printable}\"";
    }
}
