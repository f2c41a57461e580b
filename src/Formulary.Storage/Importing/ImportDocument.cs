using Formulary.Monographs.Model;

namespace Formulary.Storage.Importing;

/// <summary>A parsed monograph and the source text it was parsed from (kept per version for diffs).</summary>
public sealed record ImportDocument(Monograph Monograph, string SourceText);
