using Formulary.Monographs;

namespace Formulary.Storage.Listing;

/// <summary>
/// How a document connects to the others, derived from the stored summaries: a composition's brands
/// and the combinations that contain it, a combination's ingredients and brands, a brand's target.
/// </summary>
public sealed record MonographLinks(
    IReadOnlyList<MonographSummary> Brands,
    IReadOnlyList<MonographSummary> CombinationsContaining,
    IReadOnlyList<MonographSummary> Ingredients,
    MonographSummary? BrandOf)
{
    public static MonographLinks For(IReadOnlyList<MonographSummary> all, Collection collection, string slug)
    {
        ArgumentNullException.ThrowIfNull(all);
        var self = all.FirstOrDefault(s => s.Collection == collection && s.Slug == slug);
        var brands = all.Where(s => s.Collection == Collection.Medicine && IsBrandOf(s, collection, slug)).ToList();
        var combinations = collection == Collection.Composition
            ? all.Where(s => s.Collection == Collection.Combination && s.IngredientSlugs.Contains(slug, StringComparer.Ordinal)).ToList()
            : [];
        var ingredients = self is { Collection: Collection.Combination }
            ? self.IngredientSlugs
                .Select(i => all.FirstOrDefault(s => s.Collection == Collection.Composition && s.Slug == i))
                .OfType<MonographSummary>()
                .ToList()
            : [];
        var brandOf = self is { Collection: Collection.Medicine }
            ? all.FirstOrDefault(s => IsBrandOf(self, s.Collection, s.Slug) && s.Collection != Collection.Medicine)
            : null;
        return new MonographLinks(brands, combinations, ingredients, brandOf);
    }

    private static bool IsBrandOf(MonographSummary brand, Collection collection, string slug) => collection switch
    {
        Collection.Composition => brand.GenericSlug == slug && brand.CombinationSlug is null,
        Collection.Combination => brand.CombinationSlug == slug,
        _ => false,
    };
}
