using Formulary.Monographs.Parsing.Body;

namespace Formulary.Monographs.Lint;

/// <summary>The top-level sections a composition or combination is expected to have (PRODUCT.md, the seed's layout).</summary>
public static class StandardSections
{
    public static IReadOnlyList<string> Titles { get; } =
    [
        "Usage", "Alternate Names", "How It Works", "Dosage", "Side Effects", "Contraindications",
        "Drug Interactions", "Pregnancy and Breastfeeding", "Drug Profile Summary", "Popular Combinations",
        "Precautions", "FAQs",
    ];

    public static IReadOnlyList<string> Keys { get; } = [.. Titles.Select(SectionKey.Normalize)];

    /// <summary>Brand pages (medicines) have no required sections.</summary>
    public static IReadOnlyList<string> KeysFor(Collection collection) =>
        collection == Collection.Medicine ? [] : Keys;
}
