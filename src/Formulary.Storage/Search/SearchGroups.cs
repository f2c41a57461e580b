using Formulary.Monographs;

namespace Formulary.Storage.Search;

/// <summary>
/// The ranking's groups: every match falls in one (tier, collection) group, and groups come in order —
/// tier first (0 exact name, 1 title or names, 2 indicated, 3 the rest), then collection (composition,
/// combination, brand page); only within a group does bm25 order the hits. So a page needs bm25 only for
/// the groups it overlaps, and only for as many of their rows as reach it (<see cref="Slices"/>), once the
/// size of every group is known — and sizes are cheap: the tiers are small index reads and the counts
/// per collection one pass over the matches without any ranking function.
/// </summary>
internal static class SearchGroups
{
    public const int Tiers = 4;

    private static readonly Collection[] InOrder = [Collection.Composition, Collection.Combination, Collection.Medicine];

    /// <summary>Collections in ranking order.</summary>
    public static IReadOnlyList<Collection> Order => InOrder;

    /// <summary>A collection's place in <see cref="Order"/>.</summary>
    public static int RankOf(Collection collection) => Array.IndexOf(InOrder, collection);

    /// <summary>
    /// For a page (<paramref name="offset"/>, <paramref name="limit"/>) over groups of the given sizes, in
    /// order: which groups it overlaps and which slice (rows to skip, rows to take, in bm25 order) of each.
    /// </summary>
    public static IReadOnlyList<GroupSlice> Slices(IReadOnlyList<(int Tier, Collection Collection, int Size)> groups, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var slices = new List<GroupSlice>();
        var start = 0;
        foreach (var (tier, collection, size) in groups)
        {
            var end = start + size;
            var from = Math.Max(start, offset);
            var to = Math.Min(end, offset + limit);
            if (from < to)
            {
                slices.Add(new GroupSlice(tier, collection, from - start, to - from));
            }

            start = end;
        }

        return slices;
    }
}
