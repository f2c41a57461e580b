using Ganss.Xss;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Formulary.Monographs.Rendering;

/// <summary>
/// Markdown to safe HTML, built once and shared (the Markdig pipeline and the sanitizer are both
/// immutable after construction and safe to use from many threads).
/// Monographs may carry inline HTML and links; the output can never run script or load anything:
/// the sanitizer keeps only inert tags, drops every element that fetches (img, video, iframe, ...),
/// every event handler and style, and every URL scheme other than http, https and mailto.
/// </summary>
/// <remarks>
/// Sanitizing costs an HTML parse per fragment, the largest cost of a static export. Markdig
/// HTML-encodes all text and attribute values it writes, so a fragment of plain Markdown (no raw
/// HTML, no image, no link or autolink other than relative, http, https or mailto) is already safe
/// and skips the sanitizer; any of those constructs sends the fragment through it.
/// </remarks>
public sealed class MarkdownHtmlRenderer
{
    public static MarkdownHtmlRenderer Shared { get; } = new();

    /// <summary>Prefix of every id and name in rendered monograph HTML; the page never uses it for its own elements.</summary>
    public const string AuthorIdPrefix = "user-content-";

    private const string ExternalRel = "nofollow noopener noreferrer";

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

        var document = Markdown.Parse(markdown, pipeline);
        var needsSanitizer = MarkExternalLinks(document);
        var html = Markdown.ToHtml(document, pipeline);
        return needsSanitizer ? sanitizer.Sanitize(html) : html;
    }

    /// <summary>
    /// Prefixes heading anchors as the sanitizer prefixes every author id, adds <c>rel</c> to external
    /// links; true when the fragment has anything only the sanitizer may judge.
    /// </summary>
    /// <remarks>
    /// Walks the tree in document order with one explicit stack: Markdig's <c>Descendants()</c> nests an
    /// iterator and a stack per level, and was two thirds of rendering a section (dotnet-trace of an export).
    /// </remarks>
    private static bool MarkExternalLinks(MarkdownDocument document)
    {
        var pending = new Stack<MarkdownObject>(64);
        PushChildren(document, pending);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case HeadingBlock heading when heading.GetAttributes() is { Id: { } id } attributes:
                    attributes.Id = SafeHtmlPolicy.AuthorId(id);
                    break;
                case HtmlBlock or HtmlInline or HtmlEntityInline:
                    return true;
                case LinkInline { IsImage: true }:
                    return true;
                case LinkInline link when !IsSafeUrl(link.Url):
                    return true;
                case LinkInline link when IsAbsolute(link.Url):
                    link.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
                    break;
                case AutolinkInline autolink when !autolink.IsEmail && !IsSafeUrl(autolink.Url):
                    return true;
                case AutolinkInline autolink:
                    autolink.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
                    break;
            }

            PushChildren(node, pending);
        }

        return false;
    }

    /// <summary>Pushes a node's children last first, so they pop in document order.</summary>
    private static void PushChildren(MarkdownObject node, Stack<MarkdownObject> pending)
    {
        switch (node)
        {
            case ContainerBlock container:
                for (var i = container.Count - 1; i >= 0; i--)
                {
                    pending.Push(container[i]);
                }

                break;
            case LeafBlock { Inline: { } inline }:
                pending.Push(inline);
                break;
            case ContainerInline inlines:
                for (var child = inlines.LastChild; child is not null; child = child.PreviousSibling)
                {
                    pending.Push(child);
                }

                break;
        }
    }

    private static bool IsAbsolute(string? url) =>
        url is not null && (url.Contains("://", StringComparison.Ordinal) || url.StartsWith("//", StringComparison.Ordinal));

    /// <summary>Relative (path, query or fragment) or an http, https or mailto URL.</summary>
    private static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var slash = url.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true;
        }

        var scheme = url[..colon];
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase);
    }
}
