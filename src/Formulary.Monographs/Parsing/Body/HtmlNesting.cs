using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Formulary.Monographs.Parsing.Body;

/// <summary>
/// How deeply the raw HTML of the body nests its elements, the way the sanitizer's HTML parser will see it when a
/// section is rendered: HTML blocks and inline tags in document order, counted again from zero at every heading
/// (each section is rendered on its own). Void elements, those whose end tag may be left out (<c>p</c>, <c>li</c>,
/// <c>td</c>…) and raw-text ones (what follows <c>&lt;style&gt;</c> is its text) do not count, so sloppy real HTML stays shallow; <c>&lt;div&gt;</c>×n…<c>&lt;/div&gt;</c>×n counts n.
/// The HTML parser's cost grows with depth times tags (20,000 nested divs took 9.5 s to render), so depth is bounded;
/// and AngleSharp serializes a long run of sibling elements slowly (<c>Node.NextSibling</c> searches the parent's
/// children: 120,000 <c>&lt;i&gt;x&lt;/i&gt;</c> took 9.8 s to import, 240,000 took 21 s), so the number of tags is bounded too.
/// </summary>
internal static class HtmlNesting
{
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "option", "optgroup", "rp", "rt",
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNestingNames = NotNesting.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The first HTML node at which the nesting passes <paramref name="maxDepth"/> or the tags in the body pass
    /// <paramref name="maxTags"/> (<paramref name="tooMany"/> says which), or null.
    /// </summary>
    public static MarkdownObject? FirstOverLimit(MarkdownDocument document, int maxDepth, int maxTags, out bool tooMany)
    {
        var depth = 0;
        var tags = 0;
        tooMany = false;
        foreach (var node in document.Descendants())
        {
            var html = node switch
            {
                HeadingBlock => null,
                HtmlBlock block => block.Lines.ToString(),
                HtmlInline inline => inline.Tag,
                _ => string.Empty,
            };
            if (html is null)
            {
                depth = 0;
            }
            else if (html.Length > 0 && ((depth = Nest(html, depth, maxDepth, ref tags)) > maxDepth || (tooMany = tags > maxTags)))
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>The depth after the tags of <paramref name="html"/>; stops once over <paramref name="limit"/>. Each character is read at most twice.</summary>
    private static int Nest(string html, int depth, int limit, ref int tags)
    {
        var at = html.IndexOf('<', StringComparison.Ordinal);
        while (at >= 0 && depth <= limit)
        {
            var closing = at + 1 < html.Length && html[at + 1] == '/';
            var nameStart = closing ? at + 2 : at + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
            {
                nameEnd++;
            }

            var next = html.AsSpan(nameEnd).IndexOfAny('<', '>');
            var end = next < 0 ? html.Length : nameEnd + next;
            tags += nameEnd > nameStart && char.IsAsciiLetter(html[nameStart]) ? 1 : 0;
            if (nameEnd > nameStart && char.IsAsciiLetter(html[nameStart]) && !NotNestingNames.Contains(html.AsSpan(nameStart, nameEnd - nameStart)))
            {
                var selfClosing = end < html.Length && html[end] == '>' && html[end - 1] == '/';
                depth = closing ? Math.Max(0, depth - 1) : selfClosing ? depth : depth + 1;
            }

            at = end < html.Length && html[end] == '<' ? end : html.IndexOf('<', Math.Min(end + 1, html.Length));
        }

        return depth;
    }
}
