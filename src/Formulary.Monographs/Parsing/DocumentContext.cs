using Formulary.Monographs.Diagnostics;

namespace Formulary.Monographs.Parsing;

/// <summary>What one parse needs everywhere: the file, its text and the diagnostics found so far.</summary>
internal sealed class DocumentContext(Collection collection, string path, ParserLimits limits)
{
    public Collection Collection { get; } = collection;

    public string Path { get; } = path;

    public ParserLimits Limits { get; } = limits;

    public List<Diagnostic> Diagnostics { get; } = [];

    public void Report(DiagnosticDescriptor descriptor, SourcePosition position, string message) =>
        Diagnostics.Add(descriptor.At(Path, position, message));

    public void Report(Diagnostic diagnostic) => Diagnostics.Add(diagnostic);
}
