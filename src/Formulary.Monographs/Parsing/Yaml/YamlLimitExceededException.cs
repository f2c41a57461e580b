using YamlDotNet.Core;

namespace Formulary.Monographs.Parsing.Yaml;

/// <summary>Thrown by <see cref="GuardedParser"/> inside the YAML reader and turned into MONO013 there; never escapes the parser.</summary>
internal sealed class YamlLimitExceededException(string message, Mark position) : Exception(message)
{
    public Mark Position { get; } = position;
}
