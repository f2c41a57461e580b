using Formulary.Monographs;

namespace Formulary.Web.Pages;

/// <summary>What pages call each collection: a brand product's collection is "medicines" on disk and "Brands" to a reader.</summary>
internal static class CollectionNames
{
    public static IReadOnlyList<Collection> InOrder { get; } = [Collection.Composition, Collection.Combination, Collection.Medicine];

    /// <summary>The tag beside a title in a list: composition, combination, brand.</summary>
    public static string Tag(Collection collection) => collection switch
    {
        Collection.Composition => "composition",
        Collection.Combination => "combination",
        _ => "brand",
    };

    /// <summary>A collection as a heading or tab: Compositions, Combinations, Brands.</summary>
    public static string Plural(Collection collection) => collection switch
    {
        Collection.Composition => "Compositions",
        Collection.Combination => "Combinations",
        _ => "Brands",
    };
}
