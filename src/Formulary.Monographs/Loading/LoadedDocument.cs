using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;

namespace Formulary.Monographs.Loading;

/// <summary>
/// One document of an incremental load. <see cref="Monograph"/> is null when the file was unchanged
/// (its <see cref="ContentHash"/> and the parser version equal the stored ones) and so was not parsed;
/// otherwise it carries the parse, rule and cross-document diagnostics. <see cref="ContentHash"/> covers
/// the Markdown file and, when there is one, its <c>*.rules.yaml</c>: a change to either is a change.
/// <see cref="CrossDiagnostics"/> are the cross-document findings about it (broken links, duplicate slugs).
/// <see cref="Read"/> is false when the stored stamp vouched for the files, so not a byte of them was read (the hash
/// is the stored one); <see cref="Stamp"/> is the files' stamp when they were read, usable, and could be stamped:
/// what the store records with the hash.
/// </summary>
public sealed record LoadedDocument(
    Collection Collection,
    string Slug,
    string SourcePath,
    string ContentHash,
    Monograph? Monograph,
    string? SourceText,
    RulesSource? Rules,
    IReadOnlyList<Diagnostic> CrossDiagnostics)
{
    public bool Read { get; init; } = true;

    public SourceStamp? Stamp { get; init; }
}
