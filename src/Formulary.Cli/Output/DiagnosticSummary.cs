using System.Globalization;
using Formulary.Monographs.Diagnostics;

namespace Formulary.Cli.Output;

/// <summary>Counts of diagnostics by severity, and the summary line printed after them.</summary>
internal sealed record DiagnosticSummary(int Files, int Errors, int Warnings, int Infos)
{
    public static DiagnosticSummary Of(int files, IReadOnlyCollection<Diagnostic> diagnostics) => new(
        files,
        diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error),
        diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning),
        diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Files} file(s): {Errors} error(s), {Warnings} warning(s), {Infos} info(s)");
}
