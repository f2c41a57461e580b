using Formulary.Monographs;

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
    int WarningCount);
