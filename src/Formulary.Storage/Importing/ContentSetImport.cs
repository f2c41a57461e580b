using System.Text;
using Formulary.Monographs.Loading;
using Formulary.Monographs.Model;

namespace Formulary.Storage.Importing;

/// <summary>
/// Imports what <see cref="ContentLoader"/> read: each monograph with its source text (read again
/// from its file for the version history) and the cross-document diagnostics that concern it
/// (broken links, duplicate slugs), so a stored document shows every finding about it.
/// </summary>
public static class ContentSetImport
{
    public static Task<ImportReport> ImportAsync(
        this IMonographStore store,
        ContentSet content,
        ImportOptions options,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.ImportAsync(Documents(content), options, progress, cancellationToken);
    }

    public static IReadOnlyList<ImportDocument> Documents(ContentSet content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var crossByFile = content.CrossDocumentDiagnostics.ToLookup(d => d.File, StringComparer.Ordinal);
        return [.. content.Monographs.Select(m => new ImportDocument(WithCrossDiagnostics(m, crossByFile[m.SourcePath]), SourceText(m)))];
    }

    private static Monograph WithCrossDiagnostics(Monograph monograph, IEnumerable<Monographs.Diagnostics.Diagnostic> cross)
    {
        var extra = cross.Where(d => !monograph.Diagnostics.Contains(d)).ToList();
        return extra.Count == 0 ? monograph : monograph with { Diagnostics = [.. monograph.Diagnostics, .. extra] };
    }

    /// <summary>The file's text as the parser decoded it (UTF-8, invalid bytes as U+FFFD); empty when it cannot be read now.</summary>
    private static string SourceText(Monograph monograph)
    {
        try
        {
            var file = new FileInfo(monograph.SourcePath);
            return file.Exists && file.Length <= ImportBatch.MaxSourceChars ? File.ReadAllText(file.FullName, Encoding.UTF8) : string.Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
