using Formulary.Monographs;

namespace Formulary.Storage.Search;

/// <summary>
/// One search: the user's text, the page wanted, an optional collection to narrow to, and whether a
/// misspelt query that finds nothing may be answered with the results of its correction.
/// </summary>
public sealed record SearchRequest(string Query)
{
    public int Limit { get; init; } = SearchLimits.DefaultLimit;

    public int Offset { get; init; }

    /// <summary>Only hits of this collection; null for all. The per-collection counts ignore it.</summary>
    public Collection? Collection { get; init; }

    /// <summary>When nothing matches and a close name exists, return the corrected query's results (with <see cref="SearchResults.CorrectedFrom"/> set).</summary>
    public bool Correct { get; init; } = true;
}
