using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Formulary.Storage.Browsing;

namespace Formulary.Web.Pages.History;

/// <summary>
/// The Atom 1.0 feed of changed monographs (<see cref="HistoryLink.Feed"/>): the newest published
/// versions of live documents, each entry the page of that version. Ids are the version pages'
/// absolute URLs, which never change; the feed's <c>updated</c> is its newest entry's import time
/// (the epoch for an empty store), so the same store gives the same bytes.
/// </summary>
internal static class ChangesFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <summary>How many versions the feed carries.</summary>
    public const int Entries = 50;

    public static byte[] Write(IReadOnlyList<RecentVersion> changes, SiteContext site)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var self = site.Absolute(HistoryLink.Feed);
        var feed = new SyndicationFeed(
            "Formulary: changed monographs",
            "Monographs published or changed in this Formulary, newest first.",
            new Uri(site.Absolute("/")),
            self,
            changes.Count > 0 ? changes[0].ImportedAt : DateTimeOffset.UnixEpoch)
        {
            Items = [.. changes.Select(change => Entry(change, site))],
        };
        feed.Authors.Add(new SyndicationPerson { Name = SiteContext.SiteName });
        feed.Links.Add(new SyndicationLink(new Uri(self)) { RelationshipType = "self", MediaType = "application/atom+xml" });

        var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return output.ToArray();
    }

    private static SyndicationItem Entry(RecentVersion change, SiteContext site)
    {
        var page = site.Absolute(HistoryLink.For(change.Collection, change.Slug, change.Version));
        var what = change.Version == 1 ? "first published" : $"changed (version {change.Version})";
        var item = new SyndicationItem(
            $"{change.Title}: {what}",
            $"{change.Title} ({CollectionNames.Tag(change.Collection)}) was {what} on {HistoryLink.When(change.ImportedAt)}.",
            new Uri(page),
            page,
            change.ImportedAt);
        item.Categories.Add(new SyndicationCategory(CollectionNames.Tag(change.Collection)));
        return item;
    }
}
