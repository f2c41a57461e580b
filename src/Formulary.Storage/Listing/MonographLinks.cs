using System.Runtime.CompilerServices;
using Formulary.Monographs;

namespace Formulary.Storage.Listing;

/// <summary>
/// How a document connects to the others, derived from the stored summaries: a composition's brands
/// and the combinations that contain it, a combination's ingredients and brands, a brand's target.
/// A combination's ingredients are its front matter's, else those its title or slug names
/// (<see cref="CombinationIngredients"/>, issue 9.8); either way its ingredients list it.
/// </summary>
/// <remarks>
/// Every page of a site asks this of the same list (one per store generation), so the list is indexed once
/// (<see cref="LinkIndex"/>, kept beside the list while the list lives) and each question is a few lookups:
/// scanning the list per page made a whole-site export quadratic (39% of a 5,000-page export).
/// </remarks>
public sealed record MonographLinks(
    IReadOnlyList<MonographSummary> Brands,
    IReadOnlyList<MonographSummary> CombinationsContaining,
    IReadOnlyList<MonographSummary> Ingredients,
    MonographSummary? BrandOf)
{
    private static readonly ConditionalWeakTable<IReadOnlyList<MonographSummary>, LinkIndex> Indexes = [];

    /// <summary>The summary of <paramref name="collection"/>/<paramref name="slug"/> in <paramref name="all"/>, by the list's index; null when absent.</summary>
    public static MonographSummary? Find(IReadOnlyList<MonographSummary> all, Collection collection, string slug)
    {
        ArgumentNullException.ThrowIfNull(all);
        return IndexOf(all).Find(collection, slug);
    }

    public static MonographLinks For(IReadOnlyList<MonographSummary> all, Collection collection, string slug)
    {
        ArgumentNullException.ThrowIfNull(all);
        var index = IndexOf(all);
        var self = index.Find(collection, slug);
        var brands = collection switch
        {
            Collection.Composition => index.BrandsOfComposition(slug),
            Collection.Combination => index.BrandsOfCombination(slug),
            _ => [],
        };
        var combinations = collection == Collection.Composition ? index.CombinationsContaining(slug) : [];
        var ingredients = self is { Collection: Collection.Combination } ? index.IngredientsOf(slug) : [];
        var brandOf = self is { Collection: Collection.Medicine }
            ? (self.CombinationSlug is { } combination ? index.Find(Collection.Combination, combination) : self.GenericSlug is { } generic ? index.Find(Collection.Composition, generic) : null)
            : null;
        return new MonographLinks(brands, combinations, ingredients, brandOf);
    }

    private static LinkIndex IndexOf(IReadOnlyList<MonographSummary> all) => Indexes.GetValue(all, list => new LinkIndex(list));

    /// <summary>The summaries by key, and each link list in the order of the list (as the scans gave them).</summary>
    private sealed class LinkIndex
    {
        private readonly Dictionary<(Collection, string), MonographSummary> bySlug = [];
        private readonly Dictionary<string, List<MonographSummary>> compositionBrands = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<MonographSummary>> combinationBrands = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<MonographSummary>> combinationsByIngredient = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<string>> ingredientsByCombination = new(StringComparer.Ordinal);

        public LinkIndex(IReadOnlyList<MonographSummary> all)
        {
            var names = new CompositionNames(all.Where(s => s.Collection == Collection.Composition).Select(s => (s.Slug, s.Title)));
            foreach (var summary in all)
            {
                bySlug.TryAdd((summary.Collection, summary.Slug), summary);
                switch (summary.Collection)
                {
                    case Collection.Medicine when summary.CombinationSlug is { } combination:
                        Add(combinationBrands, combination, summary);
                        break;
                    case Collection.Medicine when summary.GenericSlug is { } generic:
                        Add(compositionBrands, generic, summary);
                        break;
                    case Collection.Combination:
                        var ingredients = summary.IngredientSlugs.Count > 0
                            ? summary.IngredientSlugs
                            : CombinationIngredients.Derive(summary.Title, summary.Slug, names).Slugs;
                        ingredientsByCombination.TryAdd(summary.Slug, ingredients);
                        foreach (var ingredient in ingredients.Distinct(StringComparer.Ordinal))
                        {
                            Add(combinationsByIngredient, ingredient, summary);
                        }

                        break;
                }
            }
        }

        /// <summary>The live compositions a combination contains, in the order it names them.</summary>
        public IReadOnlyList<MonographSummary> IngredientsOf(string combination) =>
            ingredientsByCombination.TryGetValue(combination, out var slugs)
                ? [.. slugs.Select(i => Find(Collection.Composition, i)).OfType<MonographSummary>()]
                : [];

        public MonographSummary? Find(Collection collection, string slug) => bySlug.GetValueOrDefault((collection, slug));

        public IReadOnlyList<MonographSummary> BrandsOfComposition(string slug) => compositionBrands.GetValueOrDefault(slug) ?? [];

        public IReadOnlyList<MonographSummary> BrandsOfCombination(string slug) => combinationBrands.GetValueOrDefault(slug) ?? [];

        public IReadOnlyList<MonographSummary> CombinationsContaining(string slug) => combinationsByIngredient.GetValueOrDefault(slug) ?? [];

        private static void Add(Dictionary<string, List<MonographSummary>> map, string key, MonographSummary summary)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            list.Add(summary);
        }
    }
}
