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

    /// <summary>
    /// When the request arrived: a <see cref="TimeProvider.GetTimestamp"/> of the store's time provider. The
    /// search's time budget counts from here, so time spent waiting before the store could start (for a
    /// search slot, behind other requests) is part of it; null counts from the call. Not part of the
    /// request's equality: two requests asking the same thing are the same search whenever they arrived.
    /// </summary>
    public long? Arrived { get; init; }

    public bool Equals(SearchRequest? other) =>
        other is not null && (Query, Limit, Offset, Collection, Correct) == (other.Query, other.Limit, other.Offset, other.Collection, other.Correct);

    public override int GetHashCode() => HashCode.Combine(Query, Limit, Offset, Collection, Correct);
}
