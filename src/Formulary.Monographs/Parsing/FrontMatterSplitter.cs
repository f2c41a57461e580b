namespace Formulary.Monographs.Parsing;

/// <summary>
/// Finds the front matter: a first line <c>---</c>, then YAML up to a line <c>---</c> (or <c>...</c>).
/// Without a first <c>---</c> line the whole file is body.
/// </summary>
internal static class FrontMatterSplitter
{
    public static FrontMatterSplit Split(SourceText source)
    {
        if (!IsFence(source, 1, allowDots: false))
        {
            return new FrontMatterSplit(null, 0, 0, 1, Unterminated: false);
        }

        for (var line = 2; line <= source.LineCount; line++)
        {
            if (IsFence(source, line, allowDots: true))
            {
                var yamlStart = source.LineStart(2);
                var yaml = source.Text[yamlStart..source.LineStart(line)];
                var bodyLine = Math.Min(line + 1, source.LineCount);
                var bodyOffset = line < source.LineCount ? source.LineStart(line + 1) : source.Text.Length;
                return new FrontMatterSplit(yaml, 2, bodyOffset, line < source.LineCount ? line + 1 : bodyLine, Unterminated: false);
            }
        }

        return new FrontMatterSplit(null, 0, source.Text.Length, source.LineCount, Unterminated: true);
    }

    private static bool IsFence(SourceText source, int line, bool allowDots)
    {
        var start = source.LineStart(line);
        var end = line < source.LineCount ? source.LineStart(line + 1) : source.Text.Length;
        var text = source.Text.AsSpan(start, end - start).TrimEnd();
        return text.SequenceEqual("---") || (allowDots && text.SequenceEqual("..."));
    }
}
