using Formulary.Monographs.Diagnostics;

namespace Formulary.Monographs.Parsing;

/// <summary>
/// The decoded file text with its line starts, to turn character offsets into 1-based line and
/// column. A line ends at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>, as in CommonMark (Markdig reads
/// them alike), so a file saved with old Mac line endings has the same lines as one saved with Unix ones.
/// </summary>
internal sealed class SourceText
{
    private readonly int[] lineStarts;

    public SourceText(string text)
    {
        Text = text;
        var starts = new List<int>(text.Length / 40 + 1) { 0 };
        var index = text.AsSpan().IndexOfAny('\r', '\n');
        while (index >= 0)
        {
            index += text[index] == '\r' && index + 1 < text.Length && text[index + 1] == '\n' ? 2 : 1;
            starts.Add(index);
            var next = text.AsSpan(index).IndexOfAny('\r', '\n');
            index = next < 0 ? -1 : index + next;
        }

        lineStarts = [.. starts];
    }

    public string Text { get; }

    public int LineCount => lineStarts.Length;

    public int LineStart(int line) => lineStarts[line - 1];

    /// <summary>The text of a 1-based line without its line ending.</summary>
    public string LineText(int line)
    {
        var start = lineStarts[line - 1];
        var end = line < lineStarts.Length ? lineStarts[line] : Text.Length;
        return Text[start..end].TrimEnd('\n', '\r');
    }

    public SourcePosition PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return new SourcePosition(line + 1, offset - lineStarts[line] + 1);
    }
}
