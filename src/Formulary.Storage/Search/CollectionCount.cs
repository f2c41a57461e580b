using Formulary.Monographs;

namespace Formulary.Storage.Search;

/// <summary>How many documents of one collection match a query (before any collection filter).</summary>
public sealed record CollectionCount(Collection Collection, int Count);
