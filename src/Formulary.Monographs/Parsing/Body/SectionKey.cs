using System.Text;

namespace Formulary.Monographs.Parsing.Body;

/// <summary>
/// The normalized name of a section: lower case, words joined by '-', without emphasis markers, a
/// trailing colon or a parenthesized remark; '&amp;' reads as 'and'. "## **Contraindications:**",
/// "## Contraindications" and "## **Precautions**  (See above…)" give "contraindications" and "precautions".
/// </summary>
public static class SectionKey
{
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["faq"] = "faqs",
        ["frequently-asked-questions"] = "faqs",
        ["contra-indications"] = "contraindications",
        ["pregnancy-breastfeeding"] = "pregnancy-and-breastfeeding",
        ["pregnancy-and-lactation"] = "pregnancy-and-breastfeeding",
        ["interactions"] = "drug-interactions",
        ["alternate-name"] = "alternate-names",
        ["alternative-names"] = "alternate-names",
        ["uses"] = "usage",
        ["dosage-and-administration"] = "dosage",
    };

    public static string Normalize(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var builder = new StringBuilder(title.Length);
        var depth = 0;
        var pendingDash = false;
        foreach (var c in title)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth > 0)
            {
                continue;
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingDash = false;
            }
            else if (c == '&')
            {
                builder.Append(builder.Length > 0 ? "-and" : "and");
                pendingDash = true;
            }
            else if (c is not ('\'' or '\u2019'))
            {
                pendingDash = true;
            }
        }

        var key = builder.Length == 0 ? "section" : builder.ToString();
        return Synonyms.GetValueOrDefault(key, key);
    }
}
