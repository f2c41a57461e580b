using Formulary.Monographs;

namespace Formulary.Storage.Search;

/// <summary>
/// One result. <see cref="SnippetHtml"/> is HTML-escaped text in which only the matched words are
/// wrapped in <c>&lt;mark&gt;</c>; <see cref="Score"/> is higher for better matches (comparable within one search only).
/// </summary>
public sealed record SearchHit(Collection Collection, string Slug, string Title, string SnippetHtml, double Score);
