using Formulary.Monographs;
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

    public string CollectionLabel => Monograph.Collection switch
    {
        Collection.Composition => "Composition",
        Collection.Combination => "Combination",
        _ => "Brand",
    };
}
