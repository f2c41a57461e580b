using Formulary.Monographs.Model;

namespace Formulary.Monographs.Rules.Drafting;

/// <summary>
/// The sentences of a monograph's Dosage section (Standard Dosage, Adults, Children, Special Cases,
/// Clinical Use Cases, Dosage Adjustments and any other subsection), each with the path of the
/// section that holds it. Each section contributes only its own text, not its subsections'.
/// </summary>
internal static class DosageSentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "eg", "ie", "approx", "max", "min", "vs", "etc", "no", "dr", "fig", "incl", "ca", "inj", "tab", "tabs", "cap", "caps", "wt", "wk", "hr", "hrs", "mg", "al",
    };

    public static Section? Dosage(Monograph monograph) =>
        monograph.Sections.FirstOrDefault(s => s.Key == "dosage")
            ?? monograph.Sections.SelectMany(s => s.Children).FirstOrDefault(s => s.Key == "dosage");

    /// <summary>Each section below and including Dosage, with its path and its own lines.</summary>
    public static IEnumerable<(Section Section, string Path)> Sections(Section dosage)
    {
        var stack = new Stack<(Section, string)>();
        stack.Push((dosage, Clean(dosage.Title)));
        while (stack.Count > 0)
        {
            var (section, path) = stack.Pop();
            yield return (section, path);
            foreach (var child in section.Children.Reverse())
            {
                stack.Push((child, path + " > " + Clean(child.Title)));
            }
        }
    }

    public static IEnumerable<DosageSentence> Of(Section section, string path)
    {
        foreach (var rawLine in OwnText(section).Split('\n'))
        {
            var line = QuoteText.Normalize(rawLine);
            var start = 0;
            for (var i = 0; i < line.Length; i++)
            {
                if (IsBoundary(line, i))
                {
                    if (i + 1 - start > 1)
                    {
                        yield return new DosageSentence(path, line, start, i + 1);
                    }

                    start = i + 2;
                    i++;
                }
            }

            if (line.Length - start > 1)
            {
                yield return new DosageSentence(path, line, start, line.Length);
            }
        }
    }

    /// <summary>The section's text before its first subsection's heading line.</summary>
    private static string OwnText(Section section)
    {
        var text = section.PlainText;
        if (section.Children.Count == 0)
        {
            return text;
        }

        var lines = text.Split('\n');
        var first = section.Children[0].Title;
        var cut = Array.FindIndex(lines, l => l.StartsWith(first, StringComparison.Ordinal));
        return cut < 0 ? text : string.Join('\n', lines.Take(cut));
    }

    /// <summary>A '.', '!' or '?' followed by a space and a capital, digit, '(' or bullet, and not ending an abbreviation or a single letter.</summary>
    private static bool IsBoundary(string line, int i)
    {
        if (line[i] is not ('.' or '!' or '?') || i + 2 >= line.Length || line[i + 1] != ' ')
        {
            return false;
        }

        var next = line[i + 2];
        if (!(char.IsUpper(next) || char.IsAsciiDigit(next) || next is '(' or '•' or '*' or '-'))
        {
            return false;
        }

        var wordStart = i;
        while (wordStart > 0 && line[wordStart - 1] != ' ')
        {
            wordStart--;
        }

        var word = line[wordStart..i].TrimStart('(');
        return word.Length > 1 && !Abbreviations.Contains(word);
    }

    /// <summary>A section title as a path segment ('&gt;' separates segments).</summary>
    private static string Clean(string title) => title.Replace('>', ' ').Trim();
}
