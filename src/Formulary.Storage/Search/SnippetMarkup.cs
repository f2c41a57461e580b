using System.Net;

namespace Formulary.Storage.Search;

/// <summary>
/// Snippets come back from the database with control characters around matches (never present in
/// indexed text: <see cref="Clean"/> removes them first); the text is HTML-escaped, then those marks
/// become <c>&lt;mark&gt;</c> tags, so document text can never inject markup.
/// </summary>
internal static class SnippetMarkup
{
    public const char Start = '\u0002';
    public const char End = '\u0003';
    private const char Separator = '\u001E';

    /// <summary>Also removes the separator of <see cref="SearchDocument.NamesEnd"/>, so only the store writes it.</summary>
    public static string Clean(string text) =>
        text.AsSpan().IndexOfAny(Start, End, Separator) >= 0
            ? text.Replace(Start, ' ').Replace(End, ' ').Replace(Separator, ' ')
            : text;

    public static string ToHtml(string marked) =>
        WebUtility.HtmlEncode(marked.Replace(Separator, ' '))
            .Replace(Start.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(End.ToString(), "</mark>", StringComparison.Ordinal);
}
