using System.Globalization;
using System.Text.RegularExpressions;
using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Parsing;
using Formulary.Monographs.Parsing.Body;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Formulary.Monographs.Lint;

/// <summary>
/// An HTML comment or raw-text element that is never closed swallows what follows. As a block (<c>&lt;!--</c>,
/// <c>&lt;textarea&gt;</c> on its own line) CommonMark runs it to the end of its container, so the headings after it
/// are not headings: their sections vanish from the model and the page (MONO039, or MONO038 when it hides no
/// heading). Inline in a paragraph (<c>see &lt;style&gt; note</c>) or inside a <c>&lt;div&gt;</c> block the sanitizer's HTML
/// parser reads the rest of the section as the element's text and drops it from the page (MONO038). Each is reported once, at its opening.
/// </summary>
internal static partial class UnclosedHtmlLint
{
    private const int HeadingsNamed = 5;

    public static void Run(DocumentContext context, ParsedBody body)
    {
        var headingStarts = body.Document!.Descendants<HeadingBlock>().Select(h => h.Span.Start).Order().ToList();
        foreach (var block in body.Document!.Descendants<HtmlBlock>())
        {
            CheckBlock(context, body, block);
        }

        // Tags inside an open raw-text element are its text, not tags; skipping them also keeps the searches apart.
        var hiddenUntil = -1;
        var tagged = body.Document!.Descendants()
            .Where(n => n is HtmlInline or HtmlBlock { Type: HtmlBlockType.InterruptingBlock or HtmlBlockType.NonInterruptingBlock });
        foreach (var node in tagged)
        {
            hiddenUntil = node.Span.Start < hiddenUntil ? hiddenUntil : CheckRawText(context, body, node, headingStarts);
        }
    }

    /// <summary>Reports a block that runs to the end of its container without its end marker.</summary>
    private static void CheckBlock(DocumentContext context, ParsedBody body, HtmlBlock block)
    {
        string[] closers = block.Type switch
        {
            HtmlBlockType.ScriptPreOrStyle => ["</script>", "</pre>", "</style>", "</textarea>"],
            HtmlBlockType.Comment => ["-->"],
            HtmlBlockType.ProcessingInstruction => ["?>"],
            HtmlBlockType.DocumentType => [">"],
            HtmlBlockType.CData => ["]]>"],
            _ => [],
        };
        var text = block.Lines.ToString();
        if (closers.Length == 0 || closers.Any(c => text.Contains(c, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var headings = new List<string>();
        for (var i = 1; i < block.Lines.Count; i++)
        {
            var line = block.Lines.Lines[i];
            if (AtxHeading().Match(line.Slice.ToString()) is { Success: true } match)
            {
                headings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"'{match.Groups["text"].Value.Trim('*', ' ', ':')}' ({body.Source.PositionOf(body.BodyOffset + line.Position).Line})"));
            }
            else if (i >= 2 && SetextUnderline().IsMatch(line.Slice.ToString()) && block.Lines.Lines[i - 1].Slice.ToString() is var above
                && !string.IsNullOrWhiteSpace(above) && !AtxHeading().IsMatch(above) && !SetextUnderline().IsMatch(above))
            {
                // A setext heading ("Dosage" over "------" or "======"): the text line above a line of '=' or '-' alone; after
                // a blank line such a line is a thematic break instead, not a heading. The opening line is never the text.
                var textLine = block.Lines.Lines[i - 1];
                headings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"'{above.Trim().Trim('*', ' ', ':')}' ({body.Source.PositionOf(body.BodyOffset + textLine.Position).Line})"));
            }
        }

        var opening = Opening(text);
        var closer = block.Type == HtmlBlockType.ScriptPreOrStyle ? "</" + opening.Trim('<', '>').ToLowerInvariant() + ">" : closers[0];
        var what = $"'{opening}' opens {(block.Type == HtmlBlockType.Comment ? "an HTML comment" : "an HTML block")} that is never closed ('{closer}'), so it runs to the end of the {(block.Parent is MarkdownDocument ? "file" : "list or quote it is in")}: {Lines(body, block.Span.Start, block.Span.End)} are not read as Markdown and not shown";
        if (headings.Count == 0)
        {
            context.Report(DiagnosticCodes.UnclosedHtml, body.PositionOf(block), what + "; close it");
        }
        else
        {
            var named = string.Join(", ", headings.Take(HeadingsNamed)) + (headings.Count > HeadingsNamed ? $" and {headings.Count - HeadingsNamed} more" : string.Empty);
            context.Report(DiagnosticCodes.UnclosedHtmlHidesSections, body.PositionOf(block),
                $"{what}, and the sections under {named} are missing; close it where the note ends");
        }
    }

    /// <summary>
    /// Reports a raw-text start tag (inline, or inside a <c>&lt;div&gt;</c>-like HTML block) with no end tag before the next
    /// heading; returns where its text ends.
    /// </summary>
    private static int CheckRawText(DocumentContext context, ParsedBody body, MarkdownObject node, List<int> headingStarts)
    {
        var html = body.Text.AsSpan(node.Span.Start, Math.Min(node.Span.Length, body.Text.Length - node.Span.Start));
        var found = RawTextStart().EnumerateMatches(html);
        if (!found.MoveNext())
        {
            return node.Span.End;
        }

        var start = node.Span.Start + found.Current.Index;
        var name = body.Text.Substring(start + 1, found.Current.Length - 1).ToLowerInvariant();
        var next = headingStarts.BinarySearch(start);
        var sectionEnd = next >= 0 ? headingStarts[next] : ~next < headingStarts.Count ? headingStarts[~next] : body.Text.Length;
        var from = start + found.Current.Length;
        var close = body.Text.AsSpan(from, sectionEnd - from).IndexOf("</" + name, StringComparison.OrdinalIgnoreCase);
        if (close >= 0)
        {
            return from + close;
        }

        context.Report(DiagnosticCodes.UnclosedHtml, body.Source.PositionOf(body.BodyOffset + start),
            $"'<{name}>' is never closed ('</{name}>') before the next heading: the page reads {Lines(body, start, sectionEnd - 1)} as its content and does not show them; close it or remove it");
        return sectionEnd;
    }

    private static string Lines(ParsedBody body, int start, int end)
    {
        var first = body.Source.PositionOf(body.BodyOffset + start).Line;
        var last = body.Source.PositionOf(body.BodyOffset + Math.Max(start, end)).Line;
        return first == last
            ? string.Create(CultureInfo.InvariantCulture, $"line {first}")
            : string.Create(CultureInfo.InvariantCulture, $"lines {first}–{last}");
    }

    private static string Opening(string text)
    {
        var line = text.AsSpan().TrimStart();
        var end = line.IndexOfAny(" \t\r\n>");
        return (end < 0 ? line : line[..(line[end] == '>' ? end + 1 : end)]).ToString();
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}(?:[ \t]+(?<text>.*?))?[ \t#]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^ {0,3}(?:=+|-+)[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"<(?:script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)(?=[\s/>])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RawTextStart();
}
