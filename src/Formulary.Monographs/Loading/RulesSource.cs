namespace Formulary.Monographs.Loading;

/// <summary>A <c>*.rules.yaml</c> as read beside its monograph: its path and text (stored and versioned with the monograph).</summary>
public sealed record RulesSource(string Path, string Text);
