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
            // YamlDotNet reports some malformed documents (an unclosed [ or {) this way, without a
            // position: point after the last value it could read.
            context.Report(DiagnosticCodes.YamlSyntax, positions.Of(parser.LastEnd),
                "invalid YAML in the front matter after this point (an unclosed '[' or '{'?): " + e.Message);
            return FrontMatterResult.Empty;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return FrontMatterResult.Empty;
        }

        var root = stream.Documents[0].RootNode;
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
