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
    /// <summary>
    /// Ends the parser's clean alternate names (one per line) at the start of <see cref="Names"/>;
    /// the Alternate Names section text follows. <see cref="SearchName.For"/> reads names up to it.
    /// </summary>
    public const string NamesEnd = "\u001E";

    public static SearchDocument From(Monograph monograph)
    {
        ArgumentNullException.ThrowIfNull(monograph);
        var names = new StringBuilder();
        foreach (var name in monograph.AlternateNames)
        {
            names.AppendLine(name);
        }

        var cleanNames = SnippetMarkup.Clean(names.ToString());
        names.Clear();
        var body = new StringBuilder();
        body.AppendLine(monograph.Description.Full);
        foreach (var section in monograph.Sections)
        {
            // A section's plain text already holds its subsections' text: index each top-level section once.
            (IsAlternateNames(section) ? names : body).AppendLine(section.Title).AppendLine(section.PlainText);
            AppendNestedAlternateNames(section.Children, names);
        }

        // Body FAQs are in the sections already; only front-matter-only ones add text.
        foreach (var faq in monograph.Faqs.Where(f => f.Origin == FaqOrigin.FrontMatter))
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
            cleanNames + NamesEnd + "\n" + SnippetMarkup.Clean(names.ToString()),
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

    private static bool IsAlternateNames(Section section) => section.Key.Contains("alternate", StringComparison.OrdinalIgnoreCase);

    private static void AppendNestedAlternateNames(IReadOnlyList<Section> sections, StringBuilder names)
    {
        foreach (var section in sections)
        {
            if (IsAlternateNames(section))
            {
                names.AppendLine(section.PlainText);
            }

            AppendNestedAlternateNames(section.Children, names);
        }
    }
}
