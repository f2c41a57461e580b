using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Pages;

/// <summary>Clofarabine has two versions here: <see cref="GrowingSiteFixture"/> adds a line to its Usage section and imports again.</summary>
public sealed partial class HistoryPageTests(GrowingSiteFixture site) : IClassFixture<GrowingSiteFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task History_TwoVersions_ListsThemNewestFirstWithTheirStatus()
    {
        var html = await site.Client.GetStringAsync(new Uri("/composition/clofarabine/history/", UriKind.Relative));

        var rows = VersionRows().Matches(html);
        Assert.Equal([("2", "current"), ("1", "earlier")], rows.Select(r => (r.Groups["n"].Value, r.Groups["status"].Value)));
        Assert.Contains("<a href=\"/composition/clofarabine/history/2/\">changes from version 1</a>", html, StringComparison.Ordinal);
        Assert.Contains("2 March 2026, 09:00 UTC", html, StringComparison.Ordinal);
        AssertNoServerPath(html);
    }

    [Fact]
    public async Task Version_Second_ShowsTheAddedLineWithItsNumber()
    {
        var html = await site.Client.GetStringAsync(new Uri("/composition/clofarabine/history/2/", UriKind.Relative));

        // The line was inserted after "## **Usage**" (line 101) and its blank line: it is new line 103,
        // and a blank line follows it, so two lines are added and none removed.
        Assert.Contains("From version 1 to version 2: 2 lines added, 0 lines removed.", html, StringComparison.Ordinal);
        var added = AddedRows().Matches(html).Select(m => (m.Groups["new"].Value, m.Groups["text"].Value)).ToList();
        Assert.Contains(("103", GrowingSiteFixture.AddedLine), added);
        Assert.Contains("unchanged lines</td>", html, StringComparison.Ordinal);
        AssertNoServerPath(html);
    }

    [Fact]
    public async Task Version_First_SaysThereIsNothingBefore()
    {
        var html = await site.Client.GetStringAsync(new Uri("/composition/clofarabine/history/1/", UriKind.Relative));

        Assert.Contains("This is the first version", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/composition/clofarabine/history/2/\" rel=\"next\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonographPage_LinksToItsHistoryPage()
    {
        var html = await site.Client.GetStringAsync(new Uri("/composition/clofarabine/", UriKind.Relative));

        Assert.Contains("Version 2<span> (<a href=\"/composition/clofarabine/history/\">history</a>)</span>.", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Changed monographs\" href=\"/changes.atom\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/composition/clofarabine/history/3/")]
    [InlineData("/composition/clofarabine/history/0/")]
    [InlineData("/composition/clofarabine/history/2/?from=2")]
    [InlineData("/composition/clofarabine/history/2/?from=9")]
    [InlineData("/composition/clofarabine/history/2/?from=x")]
    [InlineData("/composition/no-such-drug/history/")]
    [InlineData("/medicines/clofarabine/history/")]
    public async Task History_NoSuchVersionOrDocument_IsTheHtmlNotFoundPage(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/composition/clofarabine/history", "/composition/clofarabine/history/")]
    [InlineData("/composition/clofarabine/history/2", "/composition/clofarabine/history/2/")]
    [InlineData("/composition/clofarabine/history/2/?from=1", "/composition/clofarabine/history/2/")]
    [InlineData("/composition/combination/folicacid-methotrexate/history", "/composition/combination/folicacid-methotrexate/history/")]
    public async Task History_OtherSpelling_MovesToTheCanonicalAddress(string path, string canonical)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Diff_FromAnyEarlierVersion_ComparesThoseTwo()
    {
        var html = await site.Client.GetStringAsync(new Uri("/composition/combination/folicacid-methotrexate/history/1/", UriKind.Relative));

        Assert.Contains("This is the first version", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">1</th>", await site.Client.GetStringAsync(new Uri("/composition/combination/folicacid-methotrexate/history/", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_IsAtomWithTheChangedMonographFirst()
    {
        using var response = await site.Client.GetAsync(new Uri("/changes.atom", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var feed = XDocument.Parse(text).Root!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal(site.BaseAddress + "changes.atom", feed.Element(Atom + "id")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "title")?.Value));
        Assert.Equal(SiteFixture.Now, DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Formulary", feed.Element(Atom + "author")?.Element(Atom + "name")?.Value);
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && (string?)l.Attribute("href") == site.BaseAddress + "changes.atom");

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(50, entries.Count);
        foreach (var entry in entries)
        {
            // Atom 1.0 (RFC 4287 4.1.2): every entry has an id, a title, an updated instant and here a link to its page.
            var id = entry.Element(Atom + "id")!.Value;
            Assert.StartsWith(site.BaseAddress.ToString(), id, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")?.Value));
            Assert.Equal(SiteFixture.Now, DateTimeOffset.Parse(entry.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(id, entry.Element(Atom + "link")?.Attribute("href")?.Value);
        }

        Assert.Equal(site.BaseAddress + "composition/clofarabine/history/2/", entries[0].Element(Atom + "id")!.Value);
        Assert.Equal("Clofarabine: changed (version 2)", entries[0].Element(Atom + "title")!.Value);
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        AssertNoServerPath(text);
    }

    private void AssertNoServerPath(string text)
    {
        Assert.DoesNotContain(site.ContentDirectory, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(".md", text, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr[^>]*>\\s*<th scope=\"row\">(?<n>\\d+)</th>\\s*<td>[^<]+</td>\\s*<td>(?<status>[^<]+)</td>")]
    private static partial Regex VersionRows();

    [GeneratedRegex("<tr class=\"added\"><td class=\"num\"></td><td class=\"num\">(?<new>\\d+)</td><td class=\"kind\">\\+ added</td><td class=\"text\">(?<text>[^<]*)</td></tr>")]
    private static partial Regex AddedRows();
}
