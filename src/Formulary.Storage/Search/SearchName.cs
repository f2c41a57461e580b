namespace Formulary.Storage.Search;

/// <summary>
/// One row of the names index: a name that finds document <see cref="DocumentId"/>, its
/// <see cref="NameKey.Fold"/> form (from the start of the name, or from a later word when
/// <see cref="Kind"/> is inner) and its <see cref="NameKey.Key"/> (empty for inner rows, so an exact
/// match is counted once).
/// </summary>
internal sealed record SearchName(long DocumentId, string Name, string Folded, string Key, SearchNameKind Kind)
{
    /// <summary>
    /// The rows for one document: its title, its alternate names (the lines of the names field before
    /// <see cref="SearchDocument.NamesEnd"/>) and the titles of the brand pages that link to it; each
    /// also from every later word, so "lami" suggests "Abacavir + Lamivudine".
    /// </summary>
    public static IEnumerable<SearchName> For(long documentId, string title, string names, IEnumerable<string> brandTitles)
    {
        ArgumentNullException.ThrowIfNull(names);
        var end = names.IndexOf(SearchDocument.NamesEnd, StringComparison.Ordinal);
        var alternates = end < 0 ? [] : names[..end].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var named = new[] { (title, SearchNameKind.Title) }
            .Concat(alternates.Select(a => (a, SearchNameKind.Alternate)))
            .Concat(brandTitles.Select(b => (b, SearchNameKind.Brand)));
        foreach (var (name, kind) in named)
        {
            var folded = NameKey.Fold(name);
            if (folded.Length == 0 || !seen.Add(folded))
            {
                continue;
            }

            yield return new SearchName(documentId, name, folded, NameKey.Key(name), kind);
            for (var space = folded.IndexOf(' ', StringComparison.Ordinal); space >= 0; space = folded.IndexOf(' ', space + 1))
            {
                yield return new SearchName(documentId, name, folded[(space + 1)..], string.Empty, SearchNameKind.Inner);
            }
        }
    }
}
