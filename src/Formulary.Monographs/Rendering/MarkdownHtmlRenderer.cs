using Ganss.Xss;
using Markdig;

namespace Formulary.Monographs.Rendering;

/// <summary>
/// Markdown to safe HTML, built once and shared (the Markdig pipeline and the sanitizer are both
/// immutable after construction and safe to use from many threads).
/// Monographs may carry inline HTML and links; the output can never run script or load anything:
/// the sanitizer keeps only inert tags, drops every element that fetches (img, video, iframe, ...),
/// every event handler and style, and every URL scheme other than http, https and mailto.
/// </summary>
public sealed class MarkdownHtmlRenderer
{
    public static MarkdownHtmlRenderer Shared { get; } = new();

    private readonly MarkdownPipeline pipeline;
    private readonly HtmlSanitizer sanitizer;

    public MarkdownHtmlRenderer()
    {
        pipeline = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseGridTables()
            .UseEmphasisExtras()
            .UseListExtras()
            .UseAutoLinks()
            .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
            .Build();
        sanitizer = SafeHtmlPolicy.CreateSanitizer();
    }

    /// <summary>Renders a Markdown fragment to sanitized HTML.</summary>
    public string Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length == 0)
        {
            return string.Empty;
        }

        var html = Markdown.ToHtml(markdown, pipeline);
        return sanitizer.Sanitize(html);
    }
}
