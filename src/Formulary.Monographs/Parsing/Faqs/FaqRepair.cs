using System.Text;

namespace Formulary.Monographs.Parsing.Faqs;

/// <summary>
/// Repairs a front-matter FAQ stored the broken way seen in the wild: <c>q</c> holds the question,
/// <c>?**</c>, then the answer pasted after <c>**A:**</c>; <c>a</c> starts with <c>A:**</c>.
/// These are YAML string values, not Markdown structure, so plain string operations do it.
/// </summary>
internal static class FaqRepair
{
    private static readonly string[] AnswerPrefixes = ["**A:**", "A:**", "**A**:", "A:"];

    public static RepairedText Repair(string question, string answer)
    {
        var repaired = false;
        var q = question.Trim();
        string? pasted = null;
        var marker = q.IndexOf("**A:**", StringComparison.Ordinal);
        if (marker >= 0)
        {
            pasted = q[(marker + "**A:**".Length)..].Trim();
            q = q[..marker].Trim();
            repaired = true;
        }

        if (q.EndsWith("**", StringComparison.Ordinal) || q.StartsWith("**", StringComparison.Ordinal))
        {
            q = q.Trim('*').Trim();
            repaired = true;
        }

        var a = answer.Trim();
        foreach (var prefix in AnswerPrefixes)
        {
            if (a.StartsWith(prefix, StringComparison.Ordinal))
            {
                a = a[prefix.Length..].Trim();
                repaired = true;
                break;
            }
        }

        if (a.Length == 0 && !string.IsNullOrEmpty(pasted))
        {
            a = pasted;
        }

        return new RepairedText(CollapseWhitespace(q), CollapseWhitespace(a), repaired);
    }

    /// <summary>Folded YAML keeps blank lines as line breaks; a question or answer reads as one paragraph.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A comparison key: letters and digits only, lower case (spacing and punctuation differ between copies).</summary>
    public static string MatchKey(string question)
    {
        var builder = new StringBuilder(question.Length);
        foreach (var c in question)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
