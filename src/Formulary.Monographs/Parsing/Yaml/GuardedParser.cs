using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Formulary.Monographs.Parsing.Yaml;

/// <summary>
/// Wraps YamlDotNet's event parser and stops a document that nests too deeply (the representation
/// model builds recursively, so depth must be bounded before it sees the events) or whose aliases
/// would expand too far: to too many nodes (a "billion laughs" bomb) or to too much text (one long
/// anchored string aliased many times, which the model, the page and the store would each copy).
/// Each anchor's expanded size (nodes and scalar characters) is recorded, each alias adds it, so the
/// counts are exact without ever expanding anything.
/// </summary>
internal sealed class GuardedParser(IParser inner, ParserLimits limits) : IParser
{
    private readonly Dictionary<string, (long Nodes, long Chars)> anchorSizes = new(StringComparer.Ordinal);
    private readonly Stack<(string? Anchor, long StartNodes, long StartChars, Mark Start, char? Flow)> open = new();
    private long expandedNodes;
    private long expandedChars;
    private long aliasChars;

    public ParsingEvent? Current => inner.Current;

    /// <summary>Where the last event read ended: the best position for errors YamlDotNet raises without one.</summary>
    public Mark LastEnd { get; private set; } = Mark.Empty;

    /// <summary>The innermost flow collection still open (its '[' or '{' and where it is), or null: what an unexpected end leaves unclosed.</summary>
    public (char Opener, Mark Start)? OpenFlow =>
        open.FirstOrDefault(o => o.Flow is not null) is { Flow: { } flow } entry ? (flow, entry.Start) : null;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        LastEnd = inner.Current?.End ?? LastEnd;
        switch (inner.Current)
        {
            case AnchorAlias alias:
                anchorSizes.TryGetValue(alias.Value.Value, out var size);
                Count(Math.Max(size.Nodes, 1), alias.Start);
                CountAliasText(size.Chars, alias.Start);
                break;
            case Scalar scalar:
                Count(1, scalar.Start);
                expandedChars += scalar.Value.Length;
                if (!scalar.Anchor.IsEmpty)
                {
                    anchorSizes[scalar.Anchor.Value] = (1, scalar.Value.Length);
                }

                break;
            case NodeEvent start when start is MappingStart or SequenceStart:
                Count(1, start.Start);
                if (open.Count >= limits.MaxYamlDepth)
                {
                    throw new YamlLimitExceededException(
                        $"the front matter nests deeper than {limits.MaxYamlDepth} levels", start.Start);
                }

                var flow = start switch
                {
                    MappingStart { Style: MappingStyle.Flow } => '{',
                    SequenceStart { Style: SequenceStyle.Flow } => '[',
                    _ => (char?)null,
                };
                open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, expandedNodes - 1, expandedChars, start.Start, flow));
                break;
            case MappingEnd or SequenceEnd:
                var (anchor, startNodes, startChars, _, _) = open.Pop();
                if (anchor is not null)
                {
                    anchorSizes[anchor] = (expandedNodes - startNodes, expandedChars - startChars);
                }

                break;
        }

        return true;
    }

    private void Count(long nodes, Mark at)
    {
        expandedNodes += Math.Min(nodes, limits.MaxYamlNodes + 1L);
        if (expandedNodes > limits.MaxYamlNodes)
        {
            throw new YamlLimitExceededException(
                $"the front matter expands to more than {limits.MaxYamlNodes} YAML nodes (aliases included); this looks like an alias bomb", at);
        }
    }

    private void CountAliasText(long chars, Mark at)
    {
        aliasChars += Math.Min(chars, limits.MaxYamlAliasChars + 1L);
        expandedChars += Math.Min(chars, limits.MaxYamlAliasChars + 1L);
        if (aliasChars > limits.MaxYamlAliasChars)
        {
            throw new YamlLimitExceededException(string.Create(CultureInfo.InvariantCulture,
                $"the front matter's aliases repeat more than {limits.MaxYamlAliasChars} characters of text; write the text out, or alias less of it"), at);
        }
    }
}
