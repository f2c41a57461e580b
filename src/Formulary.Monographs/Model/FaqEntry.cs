namespace Formulary.Monographs.Model;

/// <summary>
/// One question and answer after repair: the question without a pasted answer, the answer without
/// a leading <c>A:**</c>. <see cref="Line"/> points at where it was read (front matter or body).
/// </summary>
public sealed record FaqEntry(int Number, string Question, string Answer, bool WasRepaired, FaqOrigin Origin, int Line)
{
    /// <summary>The line of the body's <c>### Q1:</c> heading when the entry appears in the body too; else null.</summary>
    public int? BodyLine { get; init; }
}
