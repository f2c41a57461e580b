using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing.Body;

namespace Formulary.Monographs.Rules;

/// <summary>
/// Checks each citation against the parsed monograph: the section path (headings, matched by
/// their normalized key, levels may be skipped) must exist, and the quote must appear in that
/// section's heading or text, subsections included (see <see cref="QuoteText"/>).
/// </summary>
internal static class CitationVerifier
{
    public static IEnumerable<Diagnostic> Verify(string rulesFile, Monograph monograph, IEnumerable<LocatedCitation> citations)
    {
        foreach (var located in citations)
        {
            var path = located.Citation.Section.Split('>', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(SectionKey.Normalize).ToArray();
            var sections = new List<Section>();
            Collect(monograph.Sections, path, 0, sections);
            if (sections.Count == 0)
            {
                yield return DiagnosticCodes.RuleSectionNotFound.At(rulesFile, located.Line, located.Column,
                    $"section '{located.Citation.Section}' is not in {Path.GetFileName(monograph.SourcePath)}");
                continue;
            }

            if (!sections.Any(s => QuoteText.Contains(Text(s), located.Citation.Quote)))
            {
                yield return DiagnosticCodes.RuleQuoteStale.At(rulesFile, located.Line, located.Column,
                    $"the quote is no longer in section '{located.Citation.Section}' of {Path.GetFileName(monograph.SourcePath)}: \"{located.Citation.Quote}\"; update the rule and its quote together");
            }
        }
    }

    /// <summary>Sections matching the path: each segment at any depth below the previous one's section.</summary>
    private static void Collect(IReadOnlyList<Section> sections, string[] path, int index, List<Section> found)
    {
        foreach (var section in sections)
        {
            if (section.Key == path[index])
            {
                if (index == path.Length - 1)
                {
                    found.Add(section);
                }
                else
                {
                    Collect(section.Children, path, index + 1, found);
                }
            }

            Collect(section.Children, path, index, found);
        }
    }

    /// <summary>The heading as written, then the section's Markdown and plain text (both include subsections).</summary>
    private static string Text(Section section) =>
        string.Join('\u0001', section.OriginalHeading, section.Markdown, section.PlainText);
}
