using Formulary.Monographs;
using Formulary.Storage.Search;

namespace Formulary.Storage.Tests.Search;

public sealed class SearchGroupsTests
{
    // Groups in order: tier 1 compositions 3 rows (positions 0-2), tier 1 brands 0, tier 3 compositions 50 (3-52), tier 3 brands 7 (53-59).
    private static readonly (int, Collection, int)[] Groups =
        [(1, Collection.Composition, 3), (1, Collection.Medicine, 0), (3, Collection.Composition, 50), (3, Collection.Medicine, 7)];

    [Fact]
    public void Slices_FirstPage_TakesTheSmallGroupWholeAndTheNextOnlyAsFarAsThePageReaches()
    {
        // Page 0-9: 3 rows of the first group, then rows 0-6 of tier 3 compositions (7 rows).
        Assert.Equal(
            [new GroupSlice(1, Collection.Composition, 0, 3), new GroupSlice(3, Collection.Composition, 0, 7)],
            SearchGroups.Slices(Groups, offset: 0, limit: 10));
    }

    [Fact]
    public void Slices_PageInsideOneGroup_SkipsTheGroupsBeforeIt()
    {
        // Page 20-29 lies in tier 3 compositions (positions 3-52): its rows 17-26.
        Assert.Equal([new GroupSlice(3, Collection.Composition, 17, 10)], SearchGroups.Slices(Groups, offset: 20, limit: 10));
    }

    [Fact]
    public void Slices_PageAcrossTheEndOfTheMatches_StopsAtTheLastRow()
    {
        // Page 50-59: tier 3 compositions rows 47-49 (positions 50-52), then all 7 brands (53-59).
        Assert.Equal(
            [new GroupSlice(3, Collection.Composition, 47, 3), new GroupSlice(3, Collection.Medicine, 0, 7)],
            SearchGroups.Slices(Groups, offset: 50, limit: 10));
    }

    [Fact]
    public void Slices_OffsetPastEveryMatch_IsEmpty()
    {
        Assert.Empty(SearchGroups.Slices(Groups, offset: 60, limit: 10));
    }
}
