namespace Formulary.Monographs.Diagnostics;

/// <summary>A 1-based line and column in the original file; (0, 0) means "the whole file".</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition WholeFile { get; } = new(0, 0);

    public static SourcePosition FileStart { get; } = new(1, 1);
}
