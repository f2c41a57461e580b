namespace Formulary.Monographs.Diagnostics;

/// <summary>A diagnostic kind: its stable code, severity and what it means (listed in <see cref="DiagnosticCodes"/>).</summary>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Meaning)
{
    public Diagnostic At(string file, int line, int column, string message) =>
        new(Code, Severity, file, line, column, message);

    public Diagnostic At(string file, SourcePosition position, string message) =>
        new(Code, Severity, file, position.Line, position.Column, message);
}
