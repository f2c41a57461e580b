using System.Globalization;
using Formulary.Monographs.Diagnostics;
using Markdig;
using Markdig.Syntax;

namespace Formulary.Monographs.Parsing.Body;

/// <summary>
/// Parses the body with Markdig and builds the section tree. Input Markdig refuses, or that would take it or the
/// sanitizer more than linear time, is not read: MONO035 (too deep) or MONO037 (too costly), the front matter kept.
/// </summary>
internal static class BodyReader
{
    public static ParsedBody Read(DocumentContext context, SourceText source, int bodyOffset, int bodyStartLine, MarkdownPipeline pipeline)
    {
        var body = source.Text[bodyOffset..];
        var limits = context.Limits;
        var bodyStart = new SourcePosition(bodyStartLine, 1);
        var costly = LinkDestinationScan.FirstOverBudget(body, (long)limits.MaxLinkScanPerChar * body.Length + 64 * 1024);
        if (costly >= 0)
        {
            return NotRead(context, source, bodyOffset, body, DiagnosticCodes.MarkdownTooCostly, source.PositionOf(bodyOffset + costly), string.Create(CultureInfo.InvariantCulture,
                $"from here on, '](' link openers whose destinations never close ('[x]([x](…' without ')' or a space) would take the Markdown parser time that grows with their square (more than {limits.MaxLinkScanPerChar} times the body's length read); close each link with ')', or write '\\](' for a literal bracket"));
        }

        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(body, pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's depth limit guards its own recursion: nested quotes, brackets and emphasis, and also a paragraph of
            // some 10,000 emphasis spans side by side ('*a* ' repeated; measured: 5,000 pass, 10,000 do not), which are not
            // nested in the text but are in Markdig's processing of their delimiters. The message names both.
            return NotRead(context, source, bodyOffset, body, DiagnosticCodes.MarkdownTooDeep, bodyStart,
                "the Markdown is beyond the parser's (Markdig's) depth limit: elements nested inside each other (lists, quotes, brackets, emphasis), or many thousands of emphasis or link spans in one paragraph; remove the nesting or split the paragraph");
        }

        // Markdig accepts deeply indented lists; everything after this walks the tree recursively.
        if (Depth(document, limits.MaxMarkdownDepth) > limits.MaxMarkdownDepth)
        {
            return NotRead(context, source, bodyOffset, body, DiagnosticCodes.MarkdownTooDeep, bodyStart, TooDeep($"more than {limits.MaxMarkdownDepth} levels"));
        }

        if (HtmlNesting.FirstOverLimit(document, limits.MaxHtmlDepth, limits.MaxHtmlTags, out var tooMany) is { } html)
        {
            var at = source.PositionOf(bodyOffset + html.Span.Start);
            return tooMany
                ? NotRead(context, source, bodyOffset, body, DiagnosticCodes.MarkdownTooCostly, at, string.Create(CultureInfo.InvariantCulture,
                    $"the body holds more than {limits.MaxHtmlTags} raw HTML tags (this one passes the limit); write the content as Markdown"))
                : NotRead(context, source, bodyOffset, body, DiagnosticCodes.MarkdownTooDeep, at,
                    $"the raw HTML nests elements more than {limits.MaxHtmlDepth} deep in one section ('<div>' inside '<div>'…); close them, or write the content as Markdown");
        }

        var sections = new SectionTreeBuilder(document, source, bodyOffset).Build();
        return new ParsedBody(source, bodyOffset, body, document, sections);
    }

    private static string TooDeep(string how) => $"the Markdown nests too deeply (lists, quotes or brackets inside each other, {how})";

    private static ParsedBody NotRead(DocumentContext context, SourceText source, int bodyOffset, string body, DiagnosticDescriptor code, SourcePosition at, string why)
    {
        context.Report(code, at, why + "; the body was not read");
        return new ParsedBody(source, bodyOffset, body, null, []);
    }

    /// <summary>The block nesting depth, walked without recursion and stopped once over <paramref name="limit"/>.</summary>
    private static int Depth(MarkdownDocument document, int limit)
    {
        var deepest = 0;
        var pending = new Stack<(ContainerBlock Block, int Depth)>();
        pending.Push((document, 0));
        while (pending.Count > 0)
        {
            var (block, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            if (deepest > limit)
            {
                return deepest;
            }

            foreach (var child in block)
            {
                if (child is ContainerBlock container)
                {
                    pending.Push((container, depth + 1));
                }
            }
        }

        return deepest;
    }
}
