using Formulary.Monographs;

namespace Formulary.Storage.Search;

/// <summary>
/// A name to offer while the reader types: <see cref="Name"/> as written (a generic, brand,
/// alternate or combination name) and the monograph it opens (<see cref="Title"/>; for a brand name
/// this is its generic, so "Clolar" opens Clofarabine).
/// </summary>
public sealed record SearchSuggestion(string Name, string Title, Collection Collection, string Slug)
{
    /// <summary>
    /// The best <paramref name="limit"/> of the rows a store read in folded-name order: whole names
    /// before names matched from a later word, compositions before combinations before brand pages
    /// (so a brand name opens its generic), then title, alternate, brand, then shorter names; each name
    /// offered once.
    /// </summary>
    internal static IReadOnlyList<SearchSuggestion> Pick(IEnumerable<(SearchSuggestion Suggestion, SearchNameKind Kind)> rows, int limit) =>
        [.. rows
            .OrderBy(r => r.Kind == SearchNameKind.Inner)
            .ThenBy(r => r.Suggestion.Collection)
            .ThenBy(r => r.Kind)
            .ThenBy(r => r.Suggestion.Name.Length)
            .ThenBy(r => r.Suggestion.Name, StringComparer.OrdinalIgnoreCase)
            .Select(r => r.Suggestion)
            .DistinctBy(s => NameKey.Fold(s.Name))
            .Take(limit)];
}
