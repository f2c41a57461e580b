using Formulary.Monographs;
using Formulary.Monographs.Diagnostics;

namespace Formulary.Storage.Importing;

/// <summary>
/// The checks every store applies before writing, so SQLite and PostgreSQL accept and refuse the
/// same documents. A refused document keeps whatever version was stored before.
/// </summary>
internal static class ImportBatch
{
    /// <summary>Source text above this size is refused (the parser bounds its input well below it).</summary>
    public const int MaxSourceChars = 16 * 1024 * 1024;

    /// <param name="seen">
    /// The documents prepared before in this import: a second document with the same collection and slug is refused. A
    /// document the cross-document checks found claiming a slug another file keeps (MONO041) is refused whatever its place
    /// in the import, so the file kept is the one the check chose, not the one that came first.
    /// </param>
    public static PreparedDocument Prepare(ImportDocument document, ISet<(Collection, string)> seen)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(seen);
        var (collection, slug) = (document.Monograph.Collection, document.Monograph.Slug);
        var failure = Refusal(document)
            ?? (document.Monograph.Diagnostics.FirstOrDefault(d => d.Code == DiagnosticCodes.DuplicateSlug.Code) is { } duplicate
                ? duplicate.Message
                : null)
            ?? (seen.Add((collection, slug))
                ? null
                : $"duplicate slug '{slug}' in {collection.FolderName()}: an earlier file with this slug was imported instead");
        return new PreparedDocument(document, failure, failure is null && CrossDiagnostics.PublishingErrors(document.Monograph.Diagnostics).Any());
    }

    private static string? Refusal(ImportDocument document)
    {
        var monograph = document.Monograph;
        if (!SlugRule.IsValid(monograph.Slug))
        {
            return $"slug '{Truncate(monograph.Slug)}' is not usable in a URL (1 to {SlugRule.MaxLength} letters, digits, '-', '_' or '.')";
        }

        if (document.SourceText.Length > MaxSourceChars)
        {
            return $"source is {document.SourceText.Length} characters, more than the {MaxSourceChars} the store accepts";
        }

        // A file the parser did not read (too large, UTF-16, binary, empty, I/O error, unterminated front
        // matter, Markdown too deep or too costly) must not replace stored content with an empty document.
        var notRead = monograph.Diagnostics.FirstOrDefault(d => NotReadCodes.Contains(d.Code));
        return notRead is null ? null : $"the document was not read ({notRead.Code}: {notRead.Message}); the stored version, if any, is kept";
    }

    private static readonly HashSet<string> NotReadCodes =
    [
        DiagnosticCodes.FileTooLarge.Code,
        DiagnosticCodes.BinaryFile.Code,
        DiagnosticCodes.NotUtf8Encoding.Code,
        DiagnosticCodes.EmptyFile.Code,
        DiagnosticCodes.UnreadableFile.Code,
        DiagnosticCodes.OutsideContentFolder.Code,
        DiagnosticCodes.NotRegularFile.Code,
        DiagnosticCodes.UnterminatedFrontMatter.Code,
        DiagnosticCodes.MarkdownTooDeep.Code,
        DiagnosticCodes.MarkdownTooCostly.Code,
    ];

    private static string Truncate(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");
}
