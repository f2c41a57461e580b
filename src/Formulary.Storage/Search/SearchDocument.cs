using System.Text;
using Formulary.Monographs;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing.Body;
using Formulary.Monographs.Rendering;

namespace Formulary.Storage.Search;

/// <summary>
/// The searchable text of one monograph, in weighted fields: its title, its names (the parser's
/// alternate names and the text of the "Alternate Names" section; brand titles are added by the store
/// from the brand pages that link here), what it is indicated for (<see cref="IndicationSections"/>) and
/// the rest of the text. <see cref="Segments"/> cut the body into each section's own text, headings left
/// out, so a snippet is taken from one section and a hit can link to it.
/// </summary>
internal sealed record SearchDocument(
    string Title, string Names, string Indications, string Body, IReadOnlyList<SearchSegment> Segments, Collection? LinkCollection, string? LinkSlug)
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
        var body = new BodyBuilder();
        body.Add(null, monograph.Description.Full);
        foreach (var section in monograph.Sections)
        {
            if (IsAlternateNames(section))
            {
                names.AppendLine(section.PlainText);
            }
            else
            {
                body.Add(section, parentId: null, inFaq: SectionAnchor.IsFaqSection(section));
            }

            AppendNestedAlternateNames(section.Children, names);
        }

        // Body FAQs are in the sections already; only front-matter-only ones add text.
        foreach (var faq in monograph.Faqs.Where(f => f.Origin == FaqOrigin.FrontMatter))
        {
            body.Add(SectionAnchor.Faqs, faq.Question + "\n" + faq.Answer);
        }

        if (monograph.Sections.Count == 0)
        {
            body.Add(null, monograph.Body);
        }

        var (linkCollection, linkSlug) = LinkTarget(monograph);
        return new SearchDocument(
            SnippetMarkup.Clean(monograph.Title),
            cleanNames + NamesEnd + "\n" + SnippetMarkup.Clean(names.ToString()),
            SnippetMarkup.Clean(IndicationSections.Text(monograph)),
            SnippetMarkup.Clean(body.Text.ToString()),
            body.Segments,
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

    /// <summary>Writes each section as its heading line, then its own text as a segment, then its subsections.</summary>
    private sealed class BodyBuilder
    {
        private readonly List<SearchSegment> segments = [];

        public StringBuilder Text { get; } = new();

        public IReadOnlyList<SearchSegment> Segments => segments;

        /// <summary>A section's segment is kept even when empty: a query may name its heading.</summary>
        public void Add(string? anchor, string text)
        {
            var start = Text.Length;
            Text.Append(text);
            if (Text.Length > start || anchor is not null)
            {
                segments.Add(new SearchSegment(anchor, start, Text.Length));
            }

            Text.Append('\n');
        }

        /// <summary>The body's own FAQ section and its questions are shown on the page as the FAQ block.</summary>
        public void Add(Section section, string? parentId, bool inFaq)
        {
            var id = inFaq ? SectionAnchor.Faqs : SectionAnchor.Id(parentId, section);
            Text.Append(section.Title).Append('\n');
            if (SectionText.Own(section) is not { } own)
            {
                Add(id, section.PlainText);
                return;
            }

            Add(id, own);
            foreach (var child in section.Children)
            {
                Add(child, id, inFaq);
            }
        }
    }
}
