using System.Globalization;
using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing;
using Formulary.Monographs.Parsing.Body;
using Markdig.Syntax;

namespace Formulary.Monographs.Lint;

/// <summary>
/// Compares what the Contraindications section, the Drug Profile Summary and the FAQ say is
/// contraindicated. A condition stated anywhere but missing from a list (the section, or the
/// summary's "Contraindications:" item) is reported at the list, naming every place that states it.
/// </summary>
internal static class ContraindicationCheck
{
    public static void Run(DocumentContext context, ParsedBody body, IReadOnlyList<FaqEntry> faqs)
    {
        var places = new List<ContraindicationPlace>();
        if (body.Find("contraindications") is { } section)
        {
            places.Add(new ContraindicationPlace("the Contraindications section", new SourcePosition(section.Line, 1),
                ContraindicationTerms.Find(section.PlainText), IsList: true));
        }

        if (body.Find("drug-profile-summary") is { } summary)
        {
            places.AddRange(SummaryPlaces(body, summary));
        }

        foreach (var faq in faqs)
        {
            var conditions = ContraindicationTerms.StatesContraindication(faq.Answer)
                ? ContraindicationTerms.Find(faq.Question + " " + faq.Answer)
                : ContraindicationTerms.StatesContraindication(faq.Question) ? ContraindicationTerms.Find(faq.Answer) : [];
            var line = faq.BodyLine ?? faq.Line;
            places.Add(new ContraindicationPlace(string.Create(CultureInfo.InvariantCulture, $"FAQ Q{faq.Number}"),
                new SourcePosition(line, 1), conditions, IsList: false));
        }

        Report(context, places);
    }

    private static IEnumerable<ContraindicationPlace> SummaryPlaces(ParsedBody body, Section summary)
    {
        foreach (var list in body.BlocksOf(summary).OfType<ListBlock>())
        {
            foreach (var item in list.OfType<ListItemBlock>())
            {
                var text = MarkdownPlainText.Of(item);
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                var label = colon < 0 ? string.Empty : text[..colon];
                var rest = colon < 0 ? text : text[(colon + 1)..];
                var isList = label.Contains("contraindicat", StringComparison.OrdinalIgnoreCase);
                var conditions = isList ? ContraindicationTerms.Find(rest)
                    : ContraindicationTerms.StatesContraindication(rest) ? ContraindicationTerms.Find(text) : [];
                if (isList || conditions.Count > 0)
                {
                    yield return new ContraindicationPlace("the Drug Profile Summary", body.PositionOf(item), conditions, isList);
                }
            }
        }
    }

    private static void Report(DocumentContext context, List<ContraindicationPlace> places)
    {
        var conditions = places.SelectMany(place => place.Conditions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var condition in conditions)
        {
            var stating = places.Where(place => place.Conditions.Contains(condition)).ToList();
            foreach (var list in places.Where(place => place.IsList && !place.Conditions.Contains(condition)))
            {
                context.Report(DiagnosticCodes.ContraindicationContradiction.At(context.Path, list.Position,
                    $"{Describe([list])} does not list {condition}, but {Describe(stating)} state(s) it is contraindicated")
                    with
                    {
                        Related = [.. stating.Select(place => new RelatedLocation(place.Name, place.Position.Line, place.Position.Column))],
                    });
            }
        }
    }

    /// <summary>"the Drug Profile Summary (lines 185, 187) and FAQ Q8 (line 232)".</summary>
    private static string Describe(IEnumerable<ContraindicationPlace> places) => string.Join(" and ", places
        .GroupBy(place => place.Name, StringComparer.Ordinal)
        .Select(group => group.Count() == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{group.Key} (line {group.First().Position.Line})")
            : $"{group.Key} (lines {string.Join(", ", group.Select(place => place.Position.Line.ToString(CultureInfo.InvariantCulture)))})"));
}
