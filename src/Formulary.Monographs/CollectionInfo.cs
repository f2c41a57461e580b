namespace Formulary.Monographs;

/// <summary>Folder names and stable URL paths of each collection (PRODUCT.md, "The content model").</summary>
public static class CollectionInfo
{
    public static string FolderName(this Collection collection) => collection switch
    {
        Collection.Composition => "compositions",
        Collection.Combination => "combinations",
        Collection.Medicine => "medicines",
        _ => throw new ArgumentOutOfRangeException(nameof(collection)),
    };

    /// <summary>The API name of the collection, as used in <c>/api/monographs/{collection}/{slug}</c>.</summary>
    public static string ApiName(this Collection collection) => collection.FolderName();

    public static string UrlPath(this Collection collection, string slug) => collection switch
    {
        Collection.Composition => $"/composition/{slug}/",
        Collection.Combination => $"/composition/combination/{slug}/",
        Collection.Medicine => $"/medicines/{slug}/",
        _ => throw new ArgumentOutOfRangeException(nameof(collection)),
    };

    public static bool TryParse(string? name, out Collection collection)
    {
        foreach (var candidate in Enum.GetValues<Collection>())
        {
            if (string.Equals(name, candidate.FolderName(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                collection = candidate;
                return true;
            }
        }

        collection = default;
        return false;
    }
}
