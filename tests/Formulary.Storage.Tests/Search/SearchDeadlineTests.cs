using System.Data;
using Formulary.Monographs;
using Formulary.Storage.Search;
using Microsoft.Extensions.Time.Testing;

namespace Formulary.Storage.Tests.Search;

public sealed class SearchDeadlineTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void ThrowIfTooLateToStart_StartsWhileMoreThanTheReserveIsLeft()
    {
        // 200 ms budget - 30 ms start reserve: statements may start during the first 170 ms.
        var time = new FakeTimeProvider();
        var deadline = SearchDeadline.After(Budget, time);
        time.Advance(TimeSpan.FromMilliseconds(169));

        deadline.ThrowIfTooLateToStart();
        Assert.Equal(TimeSpan.FromMilliseconds(1), deadline.LeftToStart);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Throws<SearchTimedOutException>(deadline.ThrowIfTooLateToStart);
    }

    [Fact]
    public void ThrowIfSpent_OnlyOnceTheWholeBudgetIsGone()
    {
        var time = new FakeTimeProvider();
        var deadline = SearchDeadline.After(Budget, time);
        time.Advance(TimeSpan.FromMilliseconds(199));

        deadline.ThrowIfSpent();
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Throws<SearchTimedOutException>(deadline.ThrowIfSpent);
    }

    [Fact]
    public void SearchHitRead_BudgetSpent_TimesOutInsteadOfBuildingTheSnippet()
    {
        // Snippets are built outside any statement a database can interrupt: each hit checks the budget first.
        var time = new FakeTimeProvider();
        var deadline = SearchDeadline.After(Budget, time);
        var matcher = new TermMatcher(["leukemia"]);
        using var rows = Row();
        rows.Read();

        var hit = SearchHit.Read(rows, matcher, 1.5, deadline);
        time.Advance(Budget);

        Assert.Equal((Collection.Composition, "clofarabine", "Clofarabine treats <mark>leukemia</mark>."), (hit.Collection, hit.Slug, hit.SnippetHtml));
        Assert.Throws<SearchTimedOutException>(() => SearchHit.Read(rows, matcher, 1.5, deadline));
    }

    /// <summary>One row with the columns both stores select for a hit: collection, slug, title, names, body text, segments.</summary>
    private static DataTableReader Row()
    {
        using var table = new DataTable();
        foreach (var column in new[] { "collection", "slug", "title", "names", "body_text", "sections_json" })
        {
            table.Columns.Add(column, typeof(string));
        }

        table.Rows.Add("compositions", "clofarabine", "Clofarabine", string.Empty, "Clofarabine treats leukemia.", "[]");
        return table.CreateDataReader();
    }
}
