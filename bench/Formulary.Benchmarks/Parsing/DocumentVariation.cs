using System.Text;

namespace Formulary.Benchmarks.Parsing;

/// <summary>
/// Line-level rewrites of a template monograph that reproduce the shapes PRODUCT.md lists: heading
/// styles, missing sections, FAQ stored broken / clean / not at all, description full or cut off.
/// </summary>
internal static class DocumentVariation
{
    public static string HeadingStyle(string text, int style)
    {
        if (style == 0)
        {
            return text;
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## **", StringComparison.Ordinal) && line.EndsWith("**", StringComparison.Ordinal) && line.Length > 7)
            {
                var title = line[5..^2].TrimEnd(':');
                lines[i] = style switch
                {
                    1 => "## " + title,
                    2 => "## **" + title + ":**",
                    _ => "## **" + title + "**  (See above sections for details)",
                };
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>Removes the top-level section with this title (its heading up to the next <c>## </c>).</summary>
    public static string DropSection(string text, string title)
    {
        var start = text.IndexOf("\n## **" + title, StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        var end = text.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        return end < 0 ? text[..start] + "\n" : text[..start] + text[end..];
    }

    /// <summary>Removes the <c>faqs:</c> block from the front matter (it runs to the closing <c>---</c>).</summary>
    public static string WithoutFrontMatterFaqs(string text)
    {
        var start = text.IndexOf("\nfaqs:\n", StringComparison.Ordinal);
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        return start < 0 || end < start ? text : text[..start] + text[end..];
    }

    /// <summary>Rewrites the front-matter FAQs clean, from the body's <c>### **Qn: …**</c> headings and <c>**A:**</c> lines.</summary>
    public static string WithCleanFaqs(string text)
    {
        var withoutFaqs = WithoutFrontMatterFaqs(text);
        var lines = withoutFaqs.Split('\n');
        var faqs = new StringBuilder("\nfaqs:");
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("### **Q", StringComparison.Ordinal) && lines[i].EndsWith("**", StringComparison.Ordinal))
            {
                var question = lines[i][(lines[i].IndexOf(':', StringComparison.Ordinal) + 1)..^2].Trim();
                var answer = i + 2 < lines.Length ? lines[i + 2].Replace("**A:**", string.Empty, StringComparison.Ordinal).Trim() : "See the body.";
                faqs.Append("\n  - q: \"").Append(question.Replace("\"", "'", StringComparison.Ordinal))
                    .Append("\"\n    a: \"").Append(answer.Replace("\"", "'", StringComparison.Ordinal)).Append('"');
            }
        }

        var end = withoutFaqs.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        return end < 0 ? withoutFaqs : withoutFaqs[..end] + faqs + withoutFaqs[end..];
    }

    /// <summary>Replaces a folded or one-line description with one full line.</summary>
    public static string WithFullDescription(string text, string description)
    {
        var start = text.IndexOf("\ndescription:", StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        var end = start + 1;
        do
        {
            end = text.IndexOf('\n', end) + 1;
        }
        while (end > 0 && end < text.Length && text[end] == ' ');

        return text[..start] + "\ndescription: \"" + description.Replace("\"", "'", StringComparison.Ordinal) + "\"\n" + text[end..];
    }
}
