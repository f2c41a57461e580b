using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing;

namespace Formulary.Storage.Importing;

/// <summary>
/// A parsed monograph and the source text it was parsed from (kept per version for diffs).
/// <see cref="ModelVersion"/> is the parser version that produced the model: a stored document with the
/// same content but a model from another parser version is re-parsed (its model replaced, no new version).
/// </summary>
public sealed record ImportDocument(Monograph Monograph, string SourceText)
{
    public int ModelVersion { get; init; } = MonographParser.ModelVersion;
}
