using Quickenshtein;

namespace Formulary.Storage.Search;

/// <summary>
/// "Did you mean": for each query word that finds nothing, the closest word of the name vocabulary
/// (titles, brand and alternate names) by Levenshtein distance, within a bound that grows with the
/// word's length. The vocabulary is a few thousand words even for a large corpus, so a linear scan is enough.
/// </summary>
internal static class SpellingSuggester
{
    /// <summary>Returns the corrected query, or null when no word could be corrected.</summary>
    public static string? Suggest(IReadOnlyList<string> terms, IReadOnlySet<string> termsWithHits, IReadOnlyCollection<string> vocabulary)
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

            var best = Closest(term, vocabulary);
            corrected |= best is not null;
            words.Add(best ?? term);
        }

        return corrected ? string.Join(' ', words) : null;
    }

    internal static string? Closest(string term, IEnumerable<string> vocabulary)
    {
        var bound = MaxDistance(term.Length);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var word in vocabulary)
        {
            if (Math.Abs(word.Length - term.Length) > bound)
            {
                continue;
            }

            var distance = Levenshtein.GetDistance(term, word);
            if (distance <= bound && (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(word, best) < 0)))
            {
                best = word;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int MaxDistance(int length) => length switch
    {
        < 4 => 0,
        < 6 => 1,
        < 10 => 2,
        _ => 3,
    };
}
