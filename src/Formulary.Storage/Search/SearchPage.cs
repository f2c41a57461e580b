namespace Formulary.Storage.Search;

/// <summary>What one store query returns: the hits of the requested page, the filtered total and the per-collection counts.</summary>
internal sealed record SearchPage(IReadOnlyList<SearchHit> Hits, int Total, IReadOnlyList<CollectionCount> Counts);
