using Formulary.Monographs.Model;

namespace Formulary.Monographs.Rendering;

/// <summary>
/// The anchor id of a section on its monograph page: the section keys joined along the path
/// (<c>dosage-standard-dosage-children</c>). The page renders these ids and search links to them,
/// so both take them from here.
/// </summary>
public static class SectionAnchor
{
    /// <summary>The id of the page's FAQ block; the body's own FAQ section is replaced by it.</summary>
    public const string Faqs = "faqs";

    /// <summary>
    /// Ids the page's own elements use (its landmarks, the dose section and every input of the dose form). A
    /// section whose heading would give one of them ("Main", "Dose", "Hypersensitivity") or start like the page's
    /// generated ids (<c>faq-</c>, <c>error-</c>) gets a <c>-section</c> suffix, so every id on the page stays unique.
    /// </summary>
    private static readonly HashSet<string> PageIds = new(StringComparer.OrdinalIgnoreCase)
    {
        "main", "site-search", "banned-notice", Faqs, "dose", "dose-title", "dose-answer", "dose-figure", "dose-trace", "dose-regimens",
        "ageYears", "sex", "weightKg", "weightDate", "heightCm", "heightDate", "scrMgDl", "scrUmolL", "scrDate", "scrUlnMgDl", "hepatic",
        "pregnant", "breastfeeding", "hypersensitivity", "startDate", "medications",
    };

    private static readonly string[] PagePrefixes = ["faq-", "error-", MarkdownHtmlRenderer.AuthorIdPrefix];

    /// <param name="parentId">The id of the enclosing section; null for a top-level section.</param>
    public static string Id(string? parentId, Section section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var key = Key(section);
        var id = parentId is null ? key : $"{parentId}-{key}";
        return PageIds.Contains(id) || PagePrefixes.Any(prefix => id.StartsWith(prefix, StringComparison.Ordinal))
            ? id + "-section"
            : id;
    }

    /// <summary>The section's own part of its id: its key, or <c>section</c> for a heading that gave none.</summary>
    public static string Key(Section section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.Key.Length > 0 ? section.Key : "section";
    }

    /// <summary>Whether the page shows this top-level section as its FAQ block (<see cref="Faqs"/>) rather than as a section.</summary>
    public static bool IsFaqSection(Section section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.Key == Faqs;
    }
}
