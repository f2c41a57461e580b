using System.Text.RegularExpressions;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Pages;

public sealed partial class SearchPageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("Clolar")]
    [InlineData("evoltra")]
    [InlineData("clofarabin")]
    [InlineData("CLOFARABINE")]
    [InlineData("clofar")]
    public async Task Search_NameBrandOrPrefix_FindsClofarabineFirst(string query)
    {
        var html = await site.Client.GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));

        var first = FirstResult().Match(html);
        Assert.True(first.Success, "no result listed");
        Assert.Equal("/composition/clofarabine/", first.Groups["href"].Value);
        Assert.Equal("composition", first.Groups["tag"].Value);
    }

    [Fact]
    public async Task Search_Term_HighlightsItInTheSnippet()
    {
        var html = await site.Client.GetStringAsync(new Uri("/search?q=leukemia", UriKind.Relative));

        Assert.Contains("<mark>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Misspelling_ShowsTheCorrectedResultsWithTheWayBack()
    {
        var html = await site.Client.GetStringAsync(new Uri("/search?q=klofarabine", UriKind.Relative));

        Assert.Equal("/composition/clofarabine/", FirstResult().Match(html).Groups["href"].Value);
        var corrected = Corrected().Match(html);
        Assert.True(corrected.Success, "no correction notice");
        Assert.Equal(("clofarabine", "/search?q=klofarabine&amp;correct=false", "klofarabine"),
            (corrected.Groups["to"].Value, corrected.Groups["back"].Value, corrected.Groups["typed"].Value));
        // A correction may land on another drug (fludarabine is a drug, clofarabine a different one): the notice says so.
        Assert.Contains("drug names that look or sound alike can be different drugs, so check that this is the one you mean", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_MisspellingWithCorrectionOff_OffersDidYouMean()
    {
        var html = await site.Client.GetStringAsync(new Uri("/search?q=klofarabine&correct=false", UriKind.Relative));

        Assert.Contains("0 results", html, StringComparison.Ordinal);
        Assert.Contains("clofarabine", DidYouMean().Match(html).Value, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Search_NextLink_IsEscapedOnceAndReachesTheSecondPage()
    {
        var first = await site.Client.GetStringAsync(new Uri("/search?q=the&limit=2", UriKind.Relative));
        var next = NextLink().Match(first);
        Assert.True(next.Success, "no Next link");
        Assert.Equal("/search?q=the&amp;offset=2&amp;limit=2", next.Groups["href"].Value);

        var second = await site.Client.GetStringAsync(new Uri(System.Net.WebUtility.HtmlDecode(next.Groups["href"].Value), UriKind.Relative));

        Assert.Contains("<ol class=\"results\" start=\"3\">", second, StringComparison.Ordinal);
        Assert.NotEqual(FirstResult().Match(first).Groups["href"].Value, FirstResult().Match(second).Groups["href"].Value);
    }

    [Fact]
    public async Task Search_CollectionTabs_CountEachCollectionAndNarrow()
    {
        var all = await site.Client.GetStringAsync(new Uri("/search?q=folic", UriKind.Relative));
        var tabs = Tabs().Matches(all).ToDictionary(m => m.Groups["name"].Value, m => (m.Groups["href"].Value, int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(tabs["All"].Item2, tabs["Compositions"].Item2 + tabs["Combinations"].Item2 + tabs["Brands"].Item2);
        Assert.True(tabs["Combinations"].Item2 >= 1);

        var combinations = await site.Client.GetStringAsync(new Uri(System.Net.WebUtility.HtmlDecode(tabs["Combinations"].Item1), UriKind.Relative));

        Assert.Equal("/composition/combination/folicacid-methotrexate/", FirstResult().Match(combinations).Groups["href"].Value);
        Assert.Contains($"{tabs["Combinations"].Item2} result", combinations, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Combinations", combinations, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_HostileQuery_IsEscaped()
    {
        var html = await site.Client.GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"), UriKind.Relative));

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<ol class=\"results\"[^>]*>\\s*<li>\\s*<h2><a href=\"(?<href>[^\"]+)\">[^<]*</a><span class=\"tag\">(?<tag>[^<]+)</span>")]
    private static partial Regex FirstResult();

    [GeneratedRegex("<p class=\"did-you-mean\">.*?</p>", RegexOptions.Singleline)]
    private static partial Regex DidYouMean();

    [GeneratedRegex("Showing results for <a href=\"[^\"]+\"><strong>(?<to>[^<]+)</strong></a> — search instead for <a href=\"(?<back>[^\"]+)\">(?<typed>[^<]+)</a>")]
    private static partial Regex Corrected();

    [GeneratedRegex("<a href=\"(?<href>[^\"]+)\" rel=\"next\">")]
    private static partial Regex NextLink();

    [GeneratedRegex("<a href=\"(?<href>[^\"]+)\"[^>]*>(?<name>\\w+) <span class=\"count\">(?<count>\\d+)</span></a>")]
    private static partial Regex Tabs();
}
