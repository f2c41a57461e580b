using Formulary.Monographs;

namespace Formulary.Storage.Search;

/// <summary>Rows <see cref="Skip"/> to <see cref="Skip"/> + <see cref="Take"/> (in bm25 order) of one ranking group (<see cref="SearchGroups"/>).</summary>
internal sealed record GroupSlice(int Tier, Collection Collection, int Skip, int Take);
