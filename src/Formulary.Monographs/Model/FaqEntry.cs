namespace Formulary.Monographs.Model;

/// <summary>
/// One question and answer after repair: the question without a pasted answer, the answer without
/// a leading <c>A:**</c>. <see cref="Line"/> points at where it was read (front matter or body).
/// </summary>
public sealed record FaqEntry(int Number, string Question, string Answer, bool WasRepaired, FaqOrigin Origin, int Line);
