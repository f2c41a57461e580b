using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing;
using Formulary.Monographs.Parsing.Body;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Formulary.Monographs.Lint;

/// <summary>Checks on the body as a whole: empty, missing standard sections, raw HTML (and raw HTML left open).</summary>
internal static class BodyLint
{
    public static void Run(DocumentContext context, ParsedBody body, int bodyStartLine)
    {
        var bodyText = body.Source.Text.AsSpan(body.BodyOffset);
        if (bodyText.IsWhiteSpace())
        {
            context.Report(DiagnosticCodes.EmptyBody, new SourcePosition(bodyStartLine, 1),
                "the document has no body after the front matter; readers will see only the title and description");
            return;
        }

        if (body.Document is null)
        {
            return;
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        Collect(body.Sections, present);
        var missing = StandardSections.KeysFor(context.Collection)
            .Select((key, index) => (key, index))
            .Where(pair => !present.Contains(pair.key))
            .Select(pair => StandardSections.Titles[pair.index])
            .ToList();
        if (missing.Count > 0)
        {
            context.Report(DiagnosticCodes.MissingStandardSection, new SourcePosition(bodyStartLine, 1),
                $"missing standard section(s): {string.Join(", ", missing)}");
        }

        ReportHtml(context, body);
        UnclosedHtmlLint.Run(context, body);
    }

    private static void Collect(IReadOnlyList<Section> sections, HashSet<string> keys)
    {
        foreach (var section in sections)
        {
            keys.Add(section.Key);
            Collect(section.Children, keys);
        }
    }

    private static void ReportHtml(DocumentContext context, ParsedBody body)
    {
        var found = body.Document!.Descendants<HtmlBlock>().Cast<MarkdownObject>()
            .Concat(body.Document!.Descendants<HtmlInline>())
            .OrderBy(node => node.Span.Start)
            .ToList();
        var limit = context.Limits.MaxHtmlDiagnostics;
        for (var i = 0; i < found.Count && i < limit; i++)
        {
            var more = i == limit - 1 && found.Count > limit ? $" ({found.Count - limit} more in this file not listed)" : string.Empty;
            context.Report(DiagnosticCodes.InlineHtml, body.PositionOf(found[i]),
                "raw HTML in the Markdown; it will be sanitized (scripts, styles and unknown tags removed) when rendered" + more);
        }
    }
}
