using Formulary.Monographs;
using System.Globalization;
using System.Text;
using System.Xml;
using Formulary.Storage.Listing;
using Formulary.Web.Pages;

namespace Formulary.Web.Seo;

/// <summary>The sitemap (sitemaps.org 0.9) and robots.txt, for the live site and the static export alike.</summary>
internal static class SitemapWriter
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static byte[] Sitemap(IReadOnlyList<MonographSummary> documents, SiteContext site)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            WriteUrl(xml, site.Absolute("/"), null);
            foreach (var document in documents)
            {
                WriteUrl(xml, site.Absolute(document.Collection.UrlPath(document.Slug)), document.LastModified ?? document.ImportedAt);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    public static string Robots(SiteContext site) =>
        $"User-agent: *\nAllow: /\nDisallow: /search\nDisallow: /api/\n\nSitemap: {site.Absolute("/sitemap.xml")}\n";

    private static void WriteUrl(XmlWriter xml, string location, DateTimeOffset? lastModified)
    {
        xml.WriteStartElement("url", Namespace);
        xml.WriteElementString("loc", Namespace, location);
        if (lastModified is { } modified)
        {
            xml.WriteElementString("lastmod", Namespace, modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        xml.WriteEndElement();
    }
}
