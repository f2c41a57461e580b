namespace Formulary.Monographs.Lint;

/// <summary>
/// The conditions compared between sections and the word stems that name each. Small on purpose:
/// these are the contraindications monographs state in prose; a new one is one line here.
/// </summary>
internal static class ContraindicationTerms
{
    private static readonly (string Condition, string[] Stems)[] Terms =
    [
        ("pregnancy", ["pregnan"]),
        ("breastfeeding", ["breastfeed", "breast-feed", "breast feed", "lactat", "nursing"]),
        ("hypersensitivity", ["hypersensitiv", "allerg"]),
        ("renal impairment", ["renal", "kidney"]),
        ("hepatic impairment", ["hepatic", "liver"]),
    ];

    public static HashSet<string> Find(string text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (condition, stems) in Terms)
        {
            if (stems.Any(stem => text.Contains(stem, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(condition);
            }
        }

        return found;
    }

    /// <summary>True when the text says something is contraindicated (and not that it is not).</summary>
    public static bool StatesContraindication(string text) =>
        text.Contains("contraindicat", StringComparison.OrdinalIgnoreCase)
        && !text.Contains("not contraindicat", StringComparison.OrdinalIgnoreCase);
}
