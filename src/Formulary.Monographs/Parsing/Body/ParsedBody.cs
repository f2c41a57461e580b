using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;
using Markdig.Syntax;

namespace Formulary.Monographs.Parsing.Body;

/// <summary>The Markdig document of the body with the section tree built from it, and the way back to file positions.</summary>
internal sealed class ParsedBody(SourceText source, int bodyOffset, string text, MarkdownDocument? document, IReadOnlyList<Section> sections)
{
    /// <summary>The body as Markdig read it (the file text after the front matter), shared with <see cref="Monograph.Body"/>.</summary>
    public string Text { get; } = text;

    public SourceText Source { get; } = source;

    public int BodyOffset { get; } = bodyOffset;

    /// <summary>Null when Markdig refused the body (too deeply nested).</summary>
    public MarkdownDocument? Document { get; } = document;

    public IReadOnlyList<Section> Sections { get; } = sections;

    public SourcePosition PositionOf(MarkdownObject node) => Source.PositionOf(BodyOffset + node.Span.Start);

    /// <summary>The first section with this key, searching the whole tree in document order.</summary>
    public Section? Find(string key) => Find(Sections, key);

    /// <summary>The top-level blocks under a section's heading, up to the next heading of the same or a higher level.</summary>
    public IEnumerable<Block> BlocksOf(Section section)
    {
        if (Document is null)
        {
            yield break;
        }

        var inside = false;
        foreach (var block in Document)
        {
            if (block is HeadingBlock heading)
            {
                if (inside && heading.Level <= section.Level)
                {
                    yield break;
                }

                inside = inside || PositionOf(heading).Line == section.Line;
                continue;
            }

            if (inside)
            {
                yield return block;
            }
        }
    }

    private static Section? Find(IReadOnlyList<Section> sections, string key)
    {
        foreach (var section in sections)
        {
            if (section.Key == key)
            {
                return section;
            }

            if (Find(section.Children, key) is { } child)
            {
                return child;
            }
        }

        return null;
    }
}
