using Formulary.Monographs;

namespace Formulary.Storage.Search;

/// <summary>
/// A page of hits and the number of matching documents (<see cref="Total"/>, within <see cref="Collection"/>
/// when one was asked for; <see cref="Counts"/> per collection, ignoring that filter).
/// When the query found nothing and a close name exists, either the corrected query's results come back
/// (<see cref="Query"/> is the correction and <see cref="CorrectedFrom"/> the text typed) or, when the
/// correction was not wanted or found nothing either, <see cref="DidYouMean"/> proposes it.
/// <see cref="TimedOut"/>: the search used its whole time budget (<see cref="SearchLimits.TimeBudget"/>)
/// and was stopped; nothing else in the result is meaningful.
/// </summary>
public sealed record SearchResults(string Query, int Total, int Limit, int Offset, IReadOnlyList<SearchHit> Hits, string? DidYouMean)
{
    public string? CorrectedFrom { get; init; }

    public Collection? Collection { get; init; }

    public IReadOnlyList<CollectionCount> Counts { get; init; } = [];

    public bool TimedOut { get; init; }

    public static SearchResults Empty(SearchRequest request) =>
        new(request.Query, 0, request.Limit, request.Offset, [], null) { Collection = request.Collection };
}
