using Formulary.Monographs;
using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;

namespace Formulary.Storage.Listing;

/// <summary>
/// The light view of a live document for sitemaps, exports and links between collections:
/// <see cref="GenericSlug"/> / <see cref="CombinationSlug"/> are a brand page's target,
/// <see cref="IngredientSlugs"/> a combination's ingredients.
/// </summary>
public sealed record MonographSummary(
    Collection Collection,
    string Slug,
    string Title,
    string Description,
    bool IsBanned,
    DateTimeOffset? LastModified,
    string? GenericSlug,
    string? CombinationSlug,
    IReadOnlyList<string> IngredientSlugs,
    int Version,
    DateTimeOffset ImportedAt,
    int ErrorCount,
    int WarningCount)
{
    /// <summary>The drug has a <c>*.rules.yaml</c> stored with this version (whether its rules load is the dose service's answer).</summary>
    public bool HasRules { get; init; }

    /// <summary>The summary of a parsed monograph: the one mapping, used by the stores and the static export.</summary>
    public static MonographSummary From(Monograph monograph, int version, DateTimeOffset importedAt)
    {
        ArgumentNullException.ThrowIfNull(monograph);
        var front = monograph.FrontMatter;
        return new MonographSummary(
            monograph.Collection,
            monograph.Slug,
            monograph.Title,
            monograph.Description.Full,
            front.IsBanned,
            front.LastModified,
            front.MedicineType == MedicineType.Single ? front.GenericSlug : null,
            front.MedicineType == MedicineType.Combination ? front.CombinationSlug : null,
            [.. front.Ingredients.Select(i => i.GenericSlug)],
            version,
            importedAt,
            monograph.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error),
            monograph.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
    }
}
