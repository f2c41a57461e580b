using Formulary.Storage.Search;

namespace Formulary.Storage.Listing;

/// <summary>
/// Every composition by the compact form of its title and of its slug: the name folded as the names index
/// folds it (<see cref="NameKey.Fold"/>: case and accents away) with the spaces removed, so "Folic Acid",
/// "folic acid", "FOLIC ACID" and the slug <c>folicacid</c> are one name. Built once over all compositions;
/// each look-up is a hash probe.
/// </summary>
public sealed class CompositionNames
{
    private readonly Dictionary<string, string> slugByName = new(StringComparer.Ordinal);

    /// <param name="compositions">Each composition's slug and title; at equal names the first one listed keeps the name.</param>
    public CompositionNames(IEnumerable<(string Slug, string Title)> compositions)
    {
        ArgumentNullException.ThrowIfNull(compositions);
        foreach (var (slug, title) in compositions)
        {
            slugByName.TryAdd(NameKey.Compact(slug), slug);
            slugByName.TryAdd(NameKey.Compact(title), slug);
        }

        slugByName.Remove(string.Empty);
    }

    /// <summary>The slug of the composition this name (a title part, a slug) denotes, or null.</summary>
    public string? Find(string name) => slugByName.GetValueOrDefault(NameKey.Compact(name));
}
