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
    public async Task Search_Misspelling_OffersDidYouMean()
    {
        var html = await site.Client.GetStringAsync(new Uri("/search?q=clofarabnie", UriKind.Relative));

        Assert.Contains("Did you mean", html, StringComparison.Ordinal);
        Assert.Contains("clofarabine", DidYouMean().Match(html).Value, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Search_HostileQuery_IsEscaped()
    {
        var html = await site.Client.GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"), UriKind.Relative));

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<ol class=\"results\">\\s*<li>\\s*<h2><a href=\"(?<href>[^\"]+)\">[^<]*</a><span class=\"tag\">(?<tag>[^<]+)</span>")]
    private static partial Regex FirstResult();

    [GeneratedRegex("<p class=\"did-you-mean\">.*?</p>", RegexOptions.Singleline)]
    private static partial Regex DidYouMean();
}
