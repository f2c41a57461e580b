namespace Formulary.Storage.Importing;

/// <summary>
/// A document read again but not parsed: its content hash, parser version and cross-document findings
/// equal the stored latest version's. It counts as present (a prune does not remove it); nothing is written but
/// <see cref="Stamp"/>, its files' stamp when they were read (null: not read, or not stamped).
/// </summary>
public sealed record SkippedDocument(Monographs.Collection Collection, string Slug, string SourcePath, string ContentHash)
{
    public Monographs.Loading.SourceStamp? Stamp { get; init; }
}
