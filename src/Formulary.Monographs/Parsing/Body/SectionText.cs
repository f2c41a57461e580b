using Formulary.Monographs.Model;

namespace Formulary.Monographs.Parsing.Body;

/// <summary>
/// The plain text a section holds before its first subsection. <see cref="SectionTreeBuilder"/> writes a
/// section's <see cref="Section.PlainText"/> as its own text followed, line by line, by each subsection:
/// its heading ("title", or "title trailing-text" when text follows the bold title on the heading line,
/// that text also starting the subsection's own plain text) and then the subsection's plain text. So
/// the own text is what is left after peeling the subsections off the end, last first. Works on a
/// stored model as well as on a fresh parse; a test checks the invariant over the generated corpus.
/// </summary>
public static class SectionText
{
    /// <summary>The section's own text; null when its plain text does not end with its subsections' (never for the parser's output).</summary>
    public static string? Own(Section section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var remaining = section.PlainText;
        for (var i = section.Children.Count - 1; i >= 0; i--)
        {
            var peeled = Peel(remaining, section.Children[i]);
            if (peeled is null)
            {
                return null;
            }

            remaining = peeled;
        }

        return remaining;
    }

    /// <summary>The text before the child's part at the end of <paramref name="text"/> (and its line break); null when it does not end with that part.</summary>
    private static string? Peel(string text, Section child)
    {
        var (title, plain) = (child.Title, child.PlainText);
        string[] forms = (title.Length, plain.Length) switch
        {
            (0, 0) => [string.Empty],
            (0, _) => [plain, " " + plain],
            (_, 0) => [title],
            _ => [title + "\n" + plain, title + " " + plain],
        };
        foreach (var form in forms)
        {
            if (form.Length == 0)
            {
                return text;
            }

            if (text.EndsWith(form, StringComparison.Ordinal))
            {
                var before = text.Length - form.Length;
                if (before == 0)
                {
                    return string.Empty;
                }

                if (text[before - 1] == '\n')
                {
                    return text[..(before - 1)];
                }
            }
        }

        return null;
    }
}
