using Formulary.Monographs.Loading;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing;

namespace Formulary.Storage.Importing;

/// <summary>
/// A parsed monograph and the source text it was parsed from (kept per version for diffs), with its
/// rules file when it has one (versioned with it). <see cref="ModelVersion"/> is the parser version that
/// produced the model: a stored document with the same content but a model from another parser version
/// is re-parsed (its model replaced, no new version). <see cref="ContentHash"/> covers the Markdown and the
/// rules file; <see cref="CrossKey"/> fingerprints the cross-document diagnostics (see <see cref="CrossDiagnostics"/>).
/// </summary>
public sealed record ImportDocument(Monograph Monograph, string SourceText)
{
    public int ModelVersion { get; init; } = MonographParser.ModelVersion;

    public string ContentHash { get; init; } = Monograph.ContentHash;

    public string CrossKey { get; init; } = string.Empty;

    public RulesSource? Rules { get; init; }

    /// <summary>The stamp of the files <see cref="ContentHash"/> was computed from, when they were read (recorded: <see cref="RecordedStamp"/>).</summary>
    public SourceStamp? Stamp { get; init; }
}
