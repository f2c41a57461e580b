namespace Formulary.Storage.Search;

/// <summary>
/// "Did you mean": for each query word that finds nothing, the closest word of the name vocabulary
/// (titles, brand and alternate names) by Levenshtein distance, within a bound that grows with the
/// word's length (see <see cref="NameVocabulary.Closest"/>).
/// </summary>
internal static class SpellingSuggester
{
    /// <summary>Returns the corrected query, or null when no word could be corrected.</summary>
    public static string? Suggest(IReadOnlyList<string> terms, IReadOnlySet<string> termsWithHits, NameVocabulary vocabulary)
    {
        var corrected = false;
        var words = new List<string>(terms.Count);
        foreach (var term in terms)
        {
            if (termsWithHits.Contains(term))
            {
                words.Add(term);
                continue;
            }

            var best = vocabulary.Closest(term);
            corrected |= best is not null;
            words.Add(best ?? term);
        }

        return corrected ? string.Join(' ', words) : null;
    }
}
