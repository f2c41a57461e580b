namespace Formulary.Clinical;

/// <summary>
/// Text with every run of white space (<see cref="char.IsWhiteSpace(char)"/>: line breaks, tabs, double and no-break
/// spaces) made one space and none at either end: how a rule's quote is compared with its monograph, a card's summary is
/// written and a page's lede is compared with its first section.
/// </summary>
public static class SingleSpacedText
{
    /// <summary>The text single-spaced; the text itself when it already is.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = length > 0;
                continue;
            }

            if (space)
            {
                buffer[length++] = ' ';
                space = false;
            }

            buffer[length++] = c;
        }

        return buffer[..length].SequenceEqual(text) ? text : new string(buffer[..length]);
    }
}
