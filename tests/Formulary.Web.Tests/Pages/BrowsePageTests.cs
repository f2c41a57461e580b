using System.Net;
using System.Text.RegularExpressions;
using Formulary.Monographs;
using Formulary.Storage;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Pages;

public sealed partial class BrowsePageTests(GrowingSiteFixture site) : IClassFixture<GrowingSiteFixture>
{
    [Fact]
    public async Task Letter_Compositions_ListsThemByTitleWithLinks()
    {
        var html = await site.Client.GetStringAsync(new Uri("/browse/compositions/c/", UriKind.Relative));

        // The bundled Carboplatin and Clofarabine, in title order.
        Assert.Equal(["/composition/carboplatin/", "/composition/clofarabine/"], ListedLinks(html));
        Assert.Contains("2 compositions under C.", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"canonical\" href=\"http://127.0.0.1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letter_MoreThanOnePage_PagesByHundredWithStableLinks()
    {
        var first = await site.Client.GetStringAsync(new Uri("/browse/compositions/z/", UriKind.Relative));
        var second = await site.Client.GetStringAsync(new Uri("/browse/compositions/z/?page=2", UriKind.Relative));
        var third = await site.Client.GetStringAsync(new Uri("/browse/compositions/z/?page=3", UriKind.Relative));
        using var fourth = await site.Client.GetAsync(new Uri("/browse/compositions/z/?page=4", UriKind.Relative));

        // 230 = 100 + 100 + 30.
        Assert.Equal((100, 100, 30), (ListedLinks(first).Count, ListedLinks(second).Count, ListedLinks(third).Count));
        Assert.Equal("/composition/zeta-001/", ListedLinks(first)[0]);
        Assert.Equal("/composition/zeta-101/", ListedLinks(second)[0]);
        Assert.Equal("/composition/zeta-230/", ListedLinks(third)[^1]);
        Assert.Contains("<a href=\"/browse/compositions/z/?page=2\" rel=\"next\">", first, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/browse/compositions/z/\" rel=\"prev\">", second, StringComparison.Ordinal);
        Assert.Contains("Page 3 of 3", third, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, fourth.StatusCode);
    }

    [Theory]
    [InlineData("/browse/compositions/C/", "/browse/compositions/c/")]
    [InlineData("/browse/Composition/c/", "/browse/compositions/c/")]
    [InlineData("/browse/compositions/c", "/browse/compositions/c/")]
    [InlineData("/browse/medicines", "/browse/medicines/")]
    [InlineData("/browse", "/browse/")]
    [InlineData("/browse/compositions/z?page=2", "/browse/compositions/z/?page=2")]
    [InlineData("/browse/compositions/z/?page=1", "/browse/compositions/z/")]
    [InlineData("/browse/compositions/?page=2", "/browse/compositions/")]
    public async Task Address_OtherSpelling_MovesToTheCanonicalOne(string path, string canonical)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/browse/nothing/")]
    [InlineData("/browse/compositions/ab/")]
    [InlineData("/browse/compositions/%C3%A9/")]
    [InlineData("/browse/compositions/c/?page=0")]
    [InlineData("/browse/compositions/c/?page=-1")]
    [InlineData("/browse/compositions/c/?page=abc")]
    [InlineData("/browse/compositions/c/?page=2")]
    public async Task Address_NoSuchPage_IsTheHtmlNotFoundPage(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Letter_WithNothingUnderIt_SaysSo()
    {
        var html = await site.Client.GetStringAsync(new Uri("/browse/compositions/q/", UriKind.Relative));

        Assert.Contains("No compositions under Q.", html, StringComparison.Ordinal);
        Assert.Empty(ListedLinks(html));
    }

    [Fact]
    public async Task HomePage_CountsPerCollection_MatchTheStoreListing()
    {
        var listed = await site.Services.GetRequiredService<IMonographStore>().ListAsync();
        var html = await site.Client.GetStringAsync(new Uri("/", UriKind.Relative));

        foreach (var collection in new[] { Collection.Composition, Collection.Combination, Collection.Medicine })
        {
            var shown = Regex.Match(html, $"<a href=\"/browse/{collection.ApiName()}/\">[^<]+</a> <span class=\"count\">(?<n>\\d+)</span>");
            Assert.True(shown.Success, $"no count for {collection}");
            Assert.Equal(listed.Count(s => s.Collection == collection), int.Parse(shown.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        // The A-Z bar links a letter that has compositions and does not link one that has none.
        Assert.Contains("<a href=\"/browse/compositions/z/\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"/browse/compositions/q/\"", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "role=\"search\""));
    }

    [Fact]
    public async Task HomePage_RecentlyUpdated_ListsTheChangedMonographFirst()
    {
        var html = await site.Client.GetStringAsync(new Uri("/", UriKind.Relative));

        var recent = RecentItems().Matches(html);
        // Every document was imported at the fixture's fixed instant; clofarabine is the only version 2.
        Assert.Equal(("/composition/clofarabine/", "2"), (recent[0].Groups["href"].Value, recent[0].Groups["version"].Value));
        Assert.Equal(10, recent.Count);
    }

    private static List<string> ListedLinks(string html)
    {
        var list = BrowseList().Match(html);
        return list.Success ? [.. Regex.Matches(list.Value, "<li><a href=\"(?<href>[^\"]+)\"").Select(m => m.Groups["href"].Value)] : [];
    }

    [GeneratedRegex("<ol class=\"browse-list\"[^>]*>.*?</ol>", RegexOptions.Singleline)]
    private static partial Regex BrowseList();

    [GeneratedRegex("<li><a href=\"(?<href>[^\"]+)\">[^<]+</a><span class=\"tag\">[a-z]+</span>\\s*<span class=\"muted\">version (?<version>\\d+),", RegexOptions.Singleline)]
    private static partial Regex RecentItems();
}
