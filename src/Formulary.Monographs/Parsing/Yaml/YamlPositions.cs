using Formulary.Monographs.Diagnostics;
using YamlDotNet.Core;

namespace Formulary.Monographs.Parsing.Yaml;

/// <summary>Maps YamlDotNet marks (1-based, relative to the YAML text) to positions in the file.</summary>
internal sealed class YamlPositions(int yamlFirstLine)
{
    public int YamlFirstLine { get; } = yamlFirstLine;

    public SourcePosition Of(Mark mark) =>
        new(checked((int)(YamlFirstLine + Math.Max(mark.Line, 1) - 1)), checked((int)Math.Max(mark.Column, 1)));
}
