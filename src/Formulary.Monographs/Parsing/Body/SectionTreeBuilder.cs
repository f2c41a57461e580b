using Formulary.Clinical;
using Formulary.Monographs.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Formulary.Monographs.Parsing.Body;

/// <summary>
/// Builds the section tree from the document's top-level headings. A heading written as
/// <c>#### **Adults:** text</c> becomes the section "Adults" whose text starts with "text".
/// </summary>
internal sealed class SectionTreeBuilder(MarkdownDocument document, SourceText source, int bodyOffset)
{
    private readonly string text = source.Text;
    private (string Title, string TrailingMarkdown, string TrailingPlain)?[]? splits;

    public IReadOnlyList<Section> Build()
    {
        var headings = new List<int>();
        var plain = new string[document.Count];
        for (var i = 0; i < document.Count; i++)
        {
            var block = document[i];
            plain[i] = block is HeadingBlock ? string.Empty : MarkdownPlainText.Of(block);
            if (block is HeadingBlock)
            {
                headings.Add(i);
            }
        }

        var next = 0;
        return BuildLevel(headings, plain, ref next, parentLevel: 0);
    }

    private List<Section> BuildLevel(List<int> headings, string[] plain, ref int next, int parentLevel)
    {
        var sections = new List<Section>();
        while (next < headings.Count && ((HeadingBlock)document[headings[next]]).Level > parentLevel)
        {
            var index = headings[next];
            var heading = (HeadingBlock)document[index];
            next++;
            var children = BuildLevel(headings, plain, ref next, heading.Level);
            var endBlock = next < headings.Count ? headings[next] : document.Count;
            sections.Add(Create(heading, index, endBlock, plain, children));
        }

        return sections;
    }

    private Section Create(HeadingBlock heading, int index, int endBlock, string[] plain, List<Section> children)
    {
        var (title, trailingMarkdown, trailingPlain) = SplitHeading(index);
        var contentStart = bodyOffset + heading.Span.End + 1;
        var contentEnd = endBlock < document.Count ? bodyOffset + document[endBlock].Span.Start : text.Length;
        var content = contentEnd > contentStart ? text.AsSpan(contentStart, contentEnd - contentStart).Trim().ToString() : string.Empty;
        var markdown = trailingMarkdown.Length == 0 ? content : (trailingMarkdown + "\n\n" + content).Trim();

        var plainText = ThreadTextBuilder.Take().Append(trailingPlain);
        for (var i = index + 1; i < endBlock; i++)
        {
            var part = document[i] is HeadingBlock ? HeadingText(i) : plain[i];
            if (part.Length > 0)
            {
                plainText.Append(plainText.Length > 0 ? "\n" : string.Empty).Append(part);
            }
        }

        var position = source.PositionOf(bodyOffset + heading.Span.Start);
        var original = text.AsSpan(bodyOffset + heading.Span.Start, heading.Span.Length).Trim().ToString();
        return new Section(SectionKey.Normalize(title), title, original, heading.Level, position.Line,
            markdown, ThreadTextBuilder.Finish(plainText), children);
    }

    private string HeadingText(int index)
    {
        var (title, _, trailing) = SplitHeading(index);
        return trailing.Length == 0 ? title : title + " " + trailing;
    }

    /// <summary>
    /// The title (the bold part, or the whole heading) and any text written after it on the heading line; worked out once
    /// per heading (each section's plain text repeats its subsections' headings).
    /// </summary>
    private (string Title, string TrailingMarkdown, string TrailingPlain) SplitHeading(int index)
    {
        splits ??= new (string, string, string)?[document.Count];
        return splits[index] ??= SplitHeading((HeadingBlock)document[index]);
    }

    private (string Title, string TrailingMarkdown, string TrailingPlain) SplitHeading(HeadingBlock heading)
    {
        var first = heading.Inline?.FirstChild;
        if (first is EmphasisInline emphasis && emphasis.NextSibling is not null)
        {
            // Inline spans are offsets into the body (the pipeline keeps precise source locations).
            var from = bodyOffset + emphasis.Span.End + 1;
            var to = bodyOffset + heading.Span.End + 1;
            var trailingMarkdown = to > from ? text.AsSpan(from, to - from).Trim().ToString() : string.Empty;
            return (CleanTitle(MarkdownPlainText.Of(emphasis)), trailingMarkdown, MarkdownPlainText.OfFollowing(emphasis.NextSibling));
        }

        return (CleanTitle(MarkdownPlainText.Of(heading.Inline)), string.Empty, string.Empty);
    }

    /// <summary>The title without the colon that often ends it (<c>**Usage:**</c>); <paramref name="title"/> is trimmed already.</summary>
    private static string CleanTitle(string title)
    {
        var clean = title.AsSpan().TrimEnd(':').TrimEnd();
        return clean.Length == title.Length ? title : clean.ToString();
    }
}
