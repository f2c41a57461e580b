using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Formulary.Monographs.Parsing.Yaml;

/// <summary>
/// Wraps YamlDotNet's event parser and stops a document that nests too deeply (the representation
/// model builds recursively, so depth must be bounded before it sees the events) or whose aliases
/// would expand to too many nodes (a "billion laughs" bomb): each anchor's expanded size is
/// recorded, each alias adds it, so the count is exact without ever expanding anything.
/// </summary>
internal sealed class GuardedParser(IParser inner, ParserLimits limits) : IParser
{
    private readonly Dictionary<string, long> anchorSizes = new(StringComparer.Ordinal);
    private readonly Stack<(string? Anchor, long StartCount)> open = new();
    private long expandedNodes;

    public ParsingEvent? Current => inner.Current;

    /// <summary>Where the last event read ended: the best position for errors YamlDotNet raises without one.</summary>
    public Mark LastEnd { get; private set; } = Mark.Empty;

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
                Count(Math.Max(size, 1), alias.Start);
                break;
            case Scalar scalar:
                Count(1, scalar.Start);
                if (!scalar.Anchor.IsEmpty)
                {
                    anchorSizes[scalar.Anchor.Value] = 1;
                }

                break;
            case NodeEvent start when start is MappingStart or SequenceStart:
                Count(1, start.Start);
                if (open.Count >= limits.MaxYamlDepth)
                {
                    throw new YamlLimitExceededException(
                        $"the front matter nests deeper than {limits.MaxYamlDepth} levels", start.Start);
                }

                open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, expandedNodes - 1));
                break;
            case MappingEnd or SequenceEnd:
                var (anchor, startCount) = open.Pop();
                if (anchor is not null)
                {
                    anchorSizes[anchor] = expandedNodes - startCount;
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
}
