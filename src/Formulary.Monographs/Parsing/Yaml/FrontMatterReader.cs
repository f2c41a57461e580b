using Formulary.Monographs.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Formulary.Monographs.Parsing.Yaml;

/// <summary>
/// Loads the front matter with YamlDotNet's representation model (through <see cref="GuardedParser"/>)
/// so every value keeps its line and column; bad YAML becomes a diagnostic, never an exception.
/// </summary>
internal static class FrontMatterReader
{
    public static FrontMatterResult Read(DocumentContext context, string yaml, int yamlFirstLine)
    {
        var positions = new YamlPositions(yamlFirstLine);
        var stream = new YamlStream();
        var parser = new GuardedParser(new Parser(new StringReader(yaml)), context.Limits);
        try
        {
            stream.Load(parser);
        }
        catch (YamlLimitExceededException e)
        {
            context.Report(DiagnosticCodes.YamlTooComplex, positions.Of(e.Position), e.Message + "; the front matter was not read");
            return FrontMatterResult.Empty;
        }
        catch (YamlException e)
        {
            context.Report(DiagnosticCodes.YamlSyntax, positions.Of(e.Start), "invalid YAML in the front matter: " + WithoutMarks(e.Message));
            return FrontMatterResult.Empty;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet reports some malformed documents (an unclosed [ or {) this way, without a position and with
            // a message about its own state: name the bracket left open, or point after the last value it could read.
            var (at, message) = parser.OpenFlow is { } flow
                ? (positions.Of(flow.Start), $"invalid YAML in the front matter: this '{flow.Opener}' is never closed with '{(flow.Opener == '[' ? ']' : '}')}' before the front matter ends")
                : (positions.Of(parser.LastEnd), "invalid YAML in the front matter after this point: a value is left unfinished before the front matter ends");
            context.Report(DiagnosticCodes.YamlSyntax, at, message);
            return FrontMatterResult.Empty;
        }

        // An empty, blank or comment-only front matter has no keys at all: read it as an empty mapping, so a
        // missing title (and a medicine's missing link) is reported as for any front matter without one.
        var root = stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "~" or "null" }
            ? new YamlMappingNode()
            : stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
        {
            context.Report(DiagnosticCodes.FrontMatterNotMapping, positions.Of(root.Start),
                "the front matter must be 'key: value' lines (a YAML mapping)");
            return FrontMatterResult.Empty;
        }

        return new FrontMatterFields(context, positions).Read(mapping);
    }

    /// <summary>YamlDotNet prefixes messages with YAML-relative marks; the diagnostic carries file positions instead.</summary>
    private static string WithoutMarks(string message)
    {
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && index >= 0 ? message[(index + 3)..] : message;
    }
}
