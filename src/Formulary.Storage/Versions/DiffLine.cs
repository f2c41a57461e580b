namespace Formulary.Storage.Versions;

/// <summary>
/// One line of a line diff. <see cref="OldLine"/> and <see cref="NewLine"/> are 1-based line numbers in
/// the old and new source; an added line has no old number, a removed line no new number.
/// </summary>
public sealed record DiffLine(DiffLineKind Kind, int? OldLine, int? NewLine, string Text);
