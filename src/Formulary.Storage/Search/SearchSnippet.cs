using System.Text;
using System.Text.Json;

namespace Formulary.Storage.Search;

/// <summary>
/// Where a hit lands and what it shows, computed for the returned page only from the stored text and its
/// <see cref="SearchSegment"/>s. The section chosen is the one whose heading path (its anchor's words) and
/// own text, with the title and names, hold the most query words (then the most in its text, then the
/// first); the snippet is a window of that section's own text, so it never crosses into a heading or
/// another section. A hit whose words are all in its title or names links to the top of the page.
/// </summary>
internal static class SearchSnippet
{
    /// <summary>Words around the first match, as FTS5's snippet() (16) and ts_headline (24) show.</summary>
    private const int WindowWords = 20;

    private const int WordsBefore = 5;

    private const string Ellipsis = "…";

    public static (string? Section, string Html) For(TermMatcher matcher, string title, string names, string body, string segmentsJson)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        var segments = Segments(segmentsJson, body);
        var inNames = matcher.Find(names, 0, names.Length);
        var named = matcher.Find(title, 0, title.Length) | inNames;
        (SearchSegment Segment, int Text)? best = null;
        var bestScore = (-1, -1);
        foreach (var segment in segments)
        {
            var text = matcher.Find(body, segment.Start, segment.End);
            var heading = segment.Anchor is null ? 0 : matcher.Find(segment.Anchor, 0, segment.Anchor.Length);
            var score = (TermMatcher.Count(named | heading | text), TermMatcher.Count(text));
            if (score.CompareTo(bestScore) > 0)
            {
                (best, bestScore) = ((segment, text), score);
            }
        }

        var section = named == matcher.All ? null : best?.Segment.Anchor;
        if (best is { Text: not 0 } found)
        {
            return (section, Window(matcher, body, found.Segment.Start, found.Segment.End));
        }

        if (inNames != 0)
        {
            return (section, Window(matcher, names, 0, names.Length));
        }

        // No word in any section's text: the opening of the chosen section, or of its first subsection
        // with text when it has none of its own (subsections follow their section).
        var from = best is { } chosen ? segments.IndexOf(chosen.Segment) : 0;
        var opening = segments.Skip(Math.Max(0, from)).FirstOrDefault(s => s.End > s.Start);
        return (section, opening is null ? string.Empty : Window(matcher, body, opening.Start, opening.End));
    }

    /// <summary>The stored segments; a document stored before they were recorded is one segment at the top.</summary>
    private static List<SearchSegment> Segments(string json, string body)
    {
        var segments = JsonSerializer.Deserialize<SearchSegment[]>(json, ModelJson.Options) ?? [];
        return segments.Length > 0 && segments.All(s => s.Start >= 0 && s.Start <= s.End && s.End <= body.Length)
            ? [.. segments]
            : [new SearchSegment(null, 0, body.Length)];
    }

    /// <summary>
    /// About <see cref="WindowWords"/> words of text[start, end) from a little before the first match, the
    /// matches marked (<see cref="SnippetMarkup"/>), whitespace collapsed, then escaped as HTML.
    /// </summary>
    private static string Window(TermMatcher matcher, string text, int start, int end)
    {
        var words = new List<(int From, int To)>();
        var at = start;
        while (TermMatcher.NextWord(text, ref at, end, out var wordStart, out var wordEnd))
        {
            words.Add((wordStart, wordEnd));
        }

        if (words.Count == 0)
        {
            return string.Empty;
        }

        var first = words.FindIndex(w => matcher.Match(text.AsSpan(w.From, w.To - w.From)) != 0);
        var from = Math.Max(0, Math.Min(Math.Max(first, 0) - WordsBefore, words.Count - WindowWords));
        var to = Math.Min(words.Count, from + WindowWords);
        var marked = new StringBuilder(from > 0 ? Ellipsis : string.Empty);
        at = from == 0 ? start : words[from].From;
        for (var i = from; i < to; i++)
        {
            var (wordFrom, wordTo) = words[i];
            AppendCollapsed(marked, text.AsSpan(at, wordFrom - at));
            var hit = matcher.Match(text.AsSpan(wordFrom, wordTo - wordFrom)) != 0;
            marked.Append(hit ? SnippetMarkup.Start.ToString() : string.Empty).Append(text.AsSpan(wordFrom, wordTo - wordFrom)).Append(hit ? SnippetMarkup.End.ToString() : string.Empty);
            at = wordTo;
        }

        // The punctuation right after the last word (a full stop, a closing bracket) stays with it.
        var tail = to < words.Count ? words[to].From : end;
        var rest = text.AsSpan(at, tail - at);
        var space = rest.IndexOfAny(" \t\r\n");
        AppendCollapsed(marked, space < 0 ? rest : rest[..space]);
        marked.Append(to < words.Count ? Ellipsis : string.Empty);
        return SnippetMarkup.ToHtml(marked.ToString().Trim());
    }

    private static void AppendCollapsed(StringBuilder builder, ReadOnlySpan<char> text)
    {
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && builder.Length > 0)
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(c);
        }

        if (pendingSpace && builder.Length > 0)
        {
            builder.Append(' ');
        }
    }
}
