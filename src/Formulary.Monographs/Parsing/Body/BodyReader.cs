using Formulary.Monographs.Diagnostics;
using Markdig;
using Markdig.Syntax;

namespace Formulary.Monographs.Parsing.Body;

/// <summary>Parses the body with Markdig and builds the section tree; input Markdig refuses becomes MONO035.</summary>
internal static class BodyReader
{
    public static ParsedBody Read(DocumentContext context, SourceText source, int bodyOffset, int bodyStartLine, MarkdownPipeline pipeline)
    {
        var body = source.Text[bodyOffset..];
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(body, pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's depth limit (nested lists, quotes, brackets) guards its own recursion.
            context.Report(DiagnosticCodes.MarkdownTooDeep, new SourcePosition(bodyStartLine, 1),
                "the Markdown nests too deeply (lists, quotes or brackets inside each other beyond Markdig's limit); the body was not read");
            return new ParsedBody(source, bodyOffset, null, []);
        }

        var sections = new SectionTreeBuilder(document, source, bodyOffset).Build();
        return new ParsedBody(source, bodyOffset, document, sections);
    }
}
