namespace Formulary.Storage.Search;

/// <summary>
/// A page of hits, the total number of matching documents, and a suggested query when nothing
/// matched and a name close to the query exists (<see cref="DidYouMean"/>, else null).
/// </summary>
public sealed record SearchResults(string Query, int Total, int Limit, int Offset, IReadOnlyList<SearchHit> Hits, string? DidYouMean)
{
    public static SearchResults Empty(string query, int limit, int offset) => new(query, 0, limit, offset, [], null);
}
