using Formulary.Monographs.Model;

namespace Formulary.Monographs.Loading;

/// <summary>
/// What a store already holds for a document, as an incremental load needs it: the content hash and
/// parser version of its latest version (equal to the file's → the file is not parsed again) and the
/// links it makes (so cross-document checks need no parse of unchanged documents). <see cref="Stamp"/>: the stamp of
/// the files when bytes with that hash were last read from them (null: none recorded); when it vouches for the
/// files as they are now, they are not read. <see cref="SourcePath"/>: the file it was last read from, relative to the content
/// root with <c>/</c> (null: unknown); when several files claim its slug, that one keeps it.
/// </summary>
public sealed record StoredContent(string ContentHash, int ModelVersion, IReadOnlyList<MonographLink> Links, RecordedStamp? Stamp = null)
{
    public string? SourcePath { get; init; }
}
