using Formulary.Monographs.Model;

namespace Formulary.Storage.Versions;

/// <summary>A monograph as stored: the parsed model, the source text it came from, and which version it is.</summary>
public sealed record StoredMonograph(Monograph Monograph, string SourceText, MonographVersion Version);
