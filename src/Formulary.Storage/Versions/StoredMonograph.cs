using Formulary.Monographs.Loading;
using Formulary.Monographs.Model;

namespace Formulary.Storage.Versions;

/// <summary>
/// A monograph as stored: the parsed model, the source text it came from, which version it is, and the
/// rules file stored with that version (null when the drug has none).
/// </summary>
public sealed record StoredMonograph(Monograph Monograph, string SourceText, MonographVersion Version)
{
    public RulesSource? Rules { get; init; }

    /// <summary>What a diff compares: the Markdown, then the rules file under a marker line when either side has one.</summary>
    internal string DiffText => Rules is null ? SourceText : $"{SourceText.TrimEnd('\n')}\n# ---- {Path.GetFileName(Rules.Path)} ----\n{Rules.Text}";
}
