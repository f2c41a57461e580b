namespace Formulary.Monographs.Diagnostics;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}
