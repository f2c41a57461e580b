using System.Text.RegularExpressions;
using Formulary.Monographs.Model;
using Markdig.Syntax;
using Formulary.Monographs.Parsing.Body;

namespace Formulary.Monographs.Parsing;

/// <summary>
/// Names that should find the document, from the "Alternate Names" section: the INN ("(INN) is x"),
/// every word marked ® or ™ (a brand, mark stripped), and the items of a list if the section is one.
/// Works on the section's plain text, never on Markdown syntax.
/// </summary>
internal static partial class AlternateNamesReader
{
    public static IReadOnlyList<string> Read(ParsedBody body)
    {
        var section = body.Find("alternate-names");
        if (section is null)
        {
            return [];
        }

        var names = new List<string>();
        foreach (Match match in InnPattern().Matches(section.PlainText))
        {
            Add(names, match.Groups["name"].Value);
        }

        foreach (Match match in MarkedNamePattern().Matches(section.PlainText))
        {
            Add(names, match.Groups["name"].Value);
        }

        foreach (var block in body.BlocksOf(section))
        {
            if (block is ListBlock list)
            {
                foreach (var item in list)
                {
                    var text = MarkdownPlainText.Of(item).Trim().TrimEnd('.', ',', ';');
                    if (text.Length is > 0 and <= 60 && text.Split(' ').Length <= 4)
                    {
                        Add(names, text.Replace("®", string.Empty, StringComparison.Ordinal).Replace("™", string.Empty, StringComparison.Ordinal));
                    }
                }
            }
        }

        return names;
    }

    private static void Add(List<string> names, string name)
    {
        name = name.Trim();
        if (name.Length > 0 && !names.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            names.Add(name);
        }
    }

    [GeneratedRegex(@"\(INN\)\s+(?:is|:)\s+(?<name>[\p{L}][\p{L}\p{N}\-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex InnPattern();

    [GeneratedRegex(@"(?<name>[\p{L}][\p{L}\p{N}\-]*)\s?[®™]", RegexOptions.CultureInvariant)]
    private static partial Regex MarkedNamePattern();
}
