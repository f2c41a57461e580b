using System.Text;
using Formulary.Clinical;
using Markdig.Extensions.Tables;
using Markdig.Syntax.Inlines;
using Markdig.Syntax;

namespace Formulary.Monographs.Parsing.Body;

/// <summary>
/// The text of Markdig blocks and inlines without Markdown markup: what people read, used for search,
/// repair and lint. Raw HTML is left out (it is not text and will be sanitized when rendered).
/// </summary>
internal static class MarkdownPlainText
{
    public static string Of(Inline? inline)
    {
        var builder = ThreadTextBuilder.Take();
        Append(inline, builder);
        return Trimmed(builder);
    }

    public static string Of(Block block)
    {
        var builder = ThreadTextBuilder.Take();
        Append(block, builder);
        return Trimmed(builder);
    }

    /// <summary>The text of <paramref name="first"/> and the inlines after it, trimmed.</summary>
    public static string OfFollowing(Inline? first)
    {
        var builder = ThreadTextBuilder.Take();
        for (var inline = first; inline is not null; inline = inline.NextSibling)
        {
            Append(inline, builder);
        }

        return Trimmed(builder);
    }

    /// <summary>The builder's text without the white space at either end (as <see cref="string.Trim()"/>); the builder is kept for the thread (<see cref="ThreadTextBuilder"/>).</summary>
    private static string Trimmed(StringBuilder builder)
    {
        var (start, end) = (0, builder.Length);
        while (start < end && char.IsWhiteSpace(builder[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(builder[end - 1]))
        {
            end--;
        }

        return ThreadTextBuilder.Finish(builder, start, end - start);
    }

    public static void Append(Block block, StringBuilder builder)
    {
        switch (block)
        {
            case HtmlBlock:
                return;
            case LeafBlock { Inline: { } inline }:
                Append(inline, builder);
                builder.Append('\n');
                return;
            case LeafBlock leaf:
                builder.Append(leaf.Lines.ToString()).Append('\n');
                return;
            case TableRow row:
                var first = true;
                foreach (var cell in row)
                {
                    builder.Append(first ? string.Empty : " | ").Append(Of(cell));
                    first = false;
                }

                builder.Append('\n');
                return;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Append(child, builder);
                }

                return;
        }
    }

    public static void Append(Inline? inline, StringBuilder builder)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(child, builder);
                }

                break;
        }
    }
}
