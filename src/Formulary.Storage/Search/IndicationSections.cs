using System.Text;
using Formulary.Monographs.Model;

namespace Formulary.Storage.Search;

/// <summary>
/// What a monograph says it is for: its description and its Usage / Indications sections (by section
/// key, at any depth; "Contraindications" is not one). Indexed as a field of its own, so a condition
/// query ranks the drugs indicated for it above those that only mention it (a contraindication, a warning).
/// </summary>
internal static class IndicationSections
{
    public static bool Is(Section section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var key = section.Key;
        return key == "usage" || key.StartsWith("usage-", StringComparison.Ordinal)
            || (key.Contains("indication", StringComparison.Ordinal) && !key.Contains("contraindication", StringComparison.Ordinal));
    }

    public static string Text(Monograph monograph)
    {
        ArgumentNullException.ThrowIfNull(monograph);
        var text = new StringBuilder(monograph.Description.Full).Append('\n');
        Append(monograph.Sections, text);
        return text.ToString();
    }

    /// <summary>A matching section's plain text already holds its subsections', so they are not visited again.</summary>
    private static void Append(IReadOnlyList<Section> sections, StringBuilder text)
    {
        foreach (var section in sections)
        {
            if (Is(section))
            {
                text.Append(section.PlainText).Append('\n');
            }
            else
            {
                Append(section.Children, text);
            }
        }
    }
}
