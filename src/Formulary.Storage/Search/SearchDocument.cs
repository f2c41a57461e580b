using System.Text;
using Formulary.Monographs;
using Formulary.Monographs.Model;

namespace Formulary.Storage.Search;

/// <summary>
/// The searchable text of one monograph, in the three weighted fields: its title, its names (the
/// parser's alternate names and the text of the "Alternate Names" section; brand titles are added by
/// the store from the brand pages that link here) and the rest of the text.
/// </summary>
internal sealed record SearchDocument(string Title, string Names, string Body, Collection? LinkCollection, string? LinkSlug)
{
    public static SearchDocument From(Monograph monograph)
    {
        ArgumentNullException.ThrowIfNull(monograph);
        var names = new StringBuilder();
        foreach (var name in monograph.AlternateNames)
        {
            names.AppendLine(name);
        }

        var body = new StringBuilder();
        body.AppendLine(monograph.Description.Full);
        foreach (var section in monograph.Sections)
        {
            Append(section, names, body);
        }

        foreach (var faq in monograph.Faqs)
        {
            body.AppendLine(faq.Question).AppendLine(faq.Answer);
        }

        if (monograph.Sections.Count == 0)
        {
            body.AppendLine(monograph.Body);
        }

        var (linkCollection, linkSlug) = LinkTarget(monograph);
        return new SearchDocument(
            SnippetMarkup.Clean(monograph.Title),
            SnippetMarkup.Clean(names.ToString()),
            SnippetMarkup.Clean(body.ToString()),
            linkCollection,
            linkSlug);
    }

    /// <summary>The composition or combination a brand page belongs to; null for anything else.</summary>
    public static (Collection? Collection, string? Slug) LinkTarget(Monograph monograph)
    {
        ArgumentNullException.ThrowIfNull(monograph);
        if (monograph.Collection != Collection.Medicine)
        {
            return (null, null);
        }

        var front = monograph.FrontMatter;
        return front.MedicineType == MedicineType.Combination
            ? (string.IsNullOrWhiteSpace(front.CombinationSlug) ? (null, null) : (Collection.Combination, front.CombinationSlug))
            : (string.IsNullOrWhiteSpace(front.GenericSlug) ? (null, null) : (Collection.Composition, front.GenericSlug));
    }

    private static void Append(Section section, StringBuilder names, StringBuilder body)
    {
        var target = section.Key.Contains("alternate", StringComparison.OrdinalIgnoreCase) ? names : body;
        target.AppendLine(section.Title).AppendLine(section.PlainText);
        foreach (var child in section.Children)
        {
            Append(child, names, body);
        }
    }
}
