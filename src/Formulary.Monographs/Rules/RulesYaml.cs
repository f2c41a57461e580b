using System.Globalization;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.Regimens;
using Formulary.Monographs.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Formulary.Monographs.Rules;

/// <summary>
/// Typed reads from the rules file's YAML tree. Every problem becomes a diagnostic at the node's
/// line and column; a read that fails returns null and the caller carries on, so one file reports
/// all its problems at once.
/// </summary>
internal sealed class RulesYaml(string file)
{
    private readonly List<Diagnostic> diagnostics = [];
    private readonly List<LocatedCitation> citations = [];

    public IReadOnlyList<Diagnostic> Diagnostics => diagnostics;

    public IReadOnlyList<LocatedCitation> Citations => citations;

    public void Report(DiagnosticDescriptor descriptor, Mark at, string message) =>
        diagnostics.Add(descriptor.At(file, checked((int)Math.Max(at.Line, 1)), checked((int)Math.Max(at.Column, 1)), message));

    /// <summary>Reports keys the schema does not know (a typo would otherwise silently drop a rule).</summary>
    public void Keys(YamlMappingNode map, params string[] known)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                Report(DiagnosticCodes.RuleUnknownKey, key.Start, $"'{name}' is not a rules-file key here (known: {string.Join(", ", known)}); it is ignored");
            }
        }
    }

    public YamlNode? Node(YamlMappingNode map, string key, bool required)
    {
        if (map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return node;
        }

        if (required)
        {
            Report(DiagnosticCodes.RuleInvalid, map.Start, $"'{key}' is missing");
        }

        return null;
    }

    public YamlMappingNode? Map(YamlMappingNode map, string key, bool required)
    {
        var node = Node(map, key, required);
        if (node is null or YamlMappingNode)
        {
            return node as YamlMappingNode;
        }

        Report(DiagnosticCodes.RuleInvalid, node.Start, $"'{key}' must be a mapping of keys to values");
        return null;
    }

    public IEnumerable<YamlMappingNode> Items(YamlMappingNode map, string key)
    {
        var node = Node(map, key, required: false);
        if (node is null)
        {
            yield break;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Report(DiagnosticCodes.RuleInvalid, node.Start, $"'{key}' must be a list");
            yield break;
        }

        foreach (var item in sequence.Children)
        {
            if (item is YamlMappingNode mapping)
            {
                yield return mapping;
            }
            else
            {
                Report(DiagnosticCodes.RuleInvalid, item.Start, $"each entry of '{key}' must be a mapping of keys to values");
            }
        }
    }

    public string? Text(YamlMappingNode map, string key, bool required)
    {
        var node = Node(map, key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        Report(DiagnosticCodes.RuleInvalid, node.Start, $"'{key}' must be non-empty text");
        return null;
    }

    public decimal? Number(YamlMappingNode map, string key, bool required, decimal min, decimal max)
    {
        var node = Node(map, key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } value }
            && decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && number >= min && number <= max)
        {
            return number;
        }

        Report(DiagnosticCodes.RuleInvalid, node.Start, Invariant($"'{key}' must be a number from {min} to {max}"));
        return null;
    }

    /// <summary>A value (<c>15</c>) or a range (<c>{ min: 4, max: 6 }</c>), each end within [min, max].</summary>
    public ValueRange? Range(YamlMappingNode map, string key, bool required, decimal min, decimal max)
    {
        var node = Node(map, key, required);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode:
                return Number(map, key, true, min, max) is { } single ? ValueRange.Of(single) : null;
            case YamlMappingNode range:
                Keys(range, "min", "max");
                var low = Number(range, "min", true, min, max);
                var high = Number(range, "max", true, min, max);
                if (low is { } a && high is { } b)
                {
                    if (a <= b)
                    {
                        return new ValueRange(a, b);
                    }

                    Report(DiagnosticCodes.RuleInvalid, range.Start, $"'{key}': 'min' is greater than 'max'");
                }

                return null;
            default:
                Report(DiagnosticCodes.RuleInvalid, node.Start, $"'{key}' must be a number or {{ min, max }}");
                return null;
        }
    }

    /// <summary>Where a key's value starts, for diagnostics about it.</summary>
    public static Mark At(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node.Start : map.Start;

    public int? Integer(YamlMappingNode map, string key, bool required, int min, int max)
    {
        if (Number(map, key, required, min, max) is not { } number)
        {
            return null;
        }

        if (number == decimal.Truncate(number))
        {
            return (int)number;
        }

        Report(DiagnosticCodes.RuleInvalid, map.Children[new YamlScalarNode(key)].Start, $"'{key}' must be a whole number");
        return null;
    }

    public bool? Boolean(YamlMappingNode map, string key, bool required)
    {
        var node = Node(map, key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Report(DiagnosticCodes.RuleInvalid, node.Start, $"'{key}' must be true or false");
        return null;
    }

    /// <summary>Reads <c>{section, quote}</c> and records it for verification against the monograph.</summary>
    public Citation? Source(YamlMappingNode map, string key = "source", bool required = true)
    {
        var node = Map(map, key, required);
        return node is null ? null : Cite(node);
    }

    /// <summary>Reads a <c>{section, quote}</c> mapping itself (an entry of <c>unread:</c>) and records it for verification.</summary>
    public Citation? Cite(YamlMappingNode node)
    {
        Keys(node, "section", "quote");
        var section = Text(node, "section", required: true);
        var quote = Text(node, "quote", required: true);
        if (section is null || quote is null)
        {
            return null;
        }

        var citation = new Citation(section, quote);
        var at = node.Children[new YamlScalarNode("quote")].Start;
        citations.Add(new LocatedCitation(citation, checked((int)at.Line), checked((int)at.Column)));
        return citation;
    }
}
