using Formulary.Clinical;
using Formulary.Monographs;
using Formulary.Monographs.Rendering;
using Formulary.Storage.Listing;
using MonographModel = Formulary.Monographs.Model.Monograph;

namespace Formulary.Web.Pages.Monograph;

/// <summary>
/// Everything a monograph page shows, prepared once (sections rendered and sanitized) and then
/// rendered by <see cref="MonographView"/> for a request, the page cache or the static export.
/// </summary>
public sealed record MonographPage(
    MonographModel Monograph,
    IReadOnlyList<RenderedSection> Sections,
    MonographLinks Links,
    DateTimeOffset? LastModified,
    int? Version,
    bool HasDoseCalculator)
{
    /// <summary>Why there is no dose calculator although the drug has a rules file (its RULE errors); null otherwise.</summary>
    public string? DoseRulesProblem { get; init; }

    /// <summary>The statements of draft (unreviewed) dose rules, shown as quotes with no patient computation.</summary>
    public IReadOnlyList<Rules.DraftStatement> DraftStatements { get; init; } = [];

    public string Path => Monograph.Collection.UrlPath(Monograph.Slug);

    /// <summary>The anchor a clinical citation links to; the dose section itself when the section is not found.</summary>
    public string CitationHref(string sectionPath) =>
        "#" + (SectionRendering.AnchorFor(Sections, sectionPath) ?? "dose");

    /// <summary>
    /// Sections a clinician reads for a dose, opened without a click: the first section (usage), and
    /// dosage, contraindications, pregnancy and breastfeeding, interactions, warnings, whatever their number.
    /// </summary>
    public bool OpensByDefault(RenderedSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return (Sections.Count > 0 && ReferenceEquals(section, Sections[0]))
            || ClinicalKeys.Any(k => section.Key.Contains(k, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The description as a lead paragraph, unless it is the first section's opening text (the parser
    /// derives a missing or cut-off description from Usage, which would then be shown twice).
    /// </summary>
    public bool ShowsLede
    {
        get
        {
            var lede = SingleSpacedText.Of(Monograph.Description.Full);
            return lede.Length > 0 && !(Monograph.Sections.Count > 0 && SingleSpacedText.Of(Monograph.Sections[0].PlainText).StartsWith(lede, StringComparison.Ordinal));
        }
    }

    private static readonly string[] ClinicalKeys = ["dos", "contraindication", "pregnan", "breastfeed", "lactation", "interaction", "warning", "precaution"];

    public string CollectionLabel => Monograph.Collection switch
    {
        Collection.Composition => "Composition",
        Collection.Combination => "Combination",
        _ => "Brand",
    };
}
