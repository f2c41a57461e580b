using Formulary.Storage.Search;

namespace Formulary.Storage.Listing;

/// <summary>
/// Every composition by the compact form of its title and of its slug: the name folded as the names index
/// folds it (<see cref="NameKey.Fold"/>: case and accents away) with the spaces removed, so "Folic Acid",
/// "folic acid", "FOLIC ACID" and the slug <c>folicacid</c> are one name. Built over all compositions (at once,
/// or one by one as a streamed import reads them: <see cref="Add"/>); each look-up is a hash probe.
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
            Add(slug, title);
        }
    }

    /// <summary>One more composition; a name already taken keeps its first one.</summary>
    internal void Add(string slug, string title)
    {
        foreach (var name in (ReadOnlySpan<string>)[NameKey.Compact(slug), NameKey.Compact(title)])
        {
            if (name.Length > 0)
            {
                slugByName.TryAdd(name, slug);
            }
        }
    }

    /// <summary>The slug of the composition this name (a title part, a slug) denotes, or null.</summary>
    public string? Find(string name) => slugByName.GetValueOrDefault(NameKey.Compact(name));
}
