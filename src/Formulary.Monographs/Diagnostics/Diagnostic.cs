namespace Formulary.Monographs.Diagnostics;

/// <summary>
/// One finding about a document: a stable code (<c>MONO012</c>), severity, where (1-based line and
/// column; 0 when the finding is about the whole file) and a message for people.
/// Tests assert <see cref="Code"/> and the span, never the message text.
/// </summary>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string File,
    int Line,
    int Column,
    string Message)
{
    /// <summary>Other places the finding names, in the same file (both sides of a contradiction).</summary>
    public IReadOnlyList<RelatedLocation> Related { get; init; } = [];

    /// <summary>The compiler format editors understand: <c>path(line,col): error MONO012: message</c>.</summary>
    public override string ToString() =>
        $"{File}({Line},{Column}): {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
