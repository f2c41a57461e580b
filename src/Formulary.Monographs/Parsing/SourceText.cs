using Formulary.Monographs.Diagnostics;

namespace Formulary.Monographs.Parsing;

/// <summary>
/// The decoded file text with its line starts, to turn character offsets into 1-based line and
/// column. A line ends at <c>\n</c>; a <c>\r</c> before it belongs to the line.
/// </summary>
internal sealed class SourceText
{
    private readonly int[] lineStarts;

    public SourceText(string text)
    {
        Text = text;
        var starts = new List<int>(text.Length / 40 + 1) { 0 };
        var index = text.IndexOf('\n', StringComparison.Ordinal);
        while (index >= 0)
        {
            starts.Add(index + 1);
            index = text.IndexOf('\n', index + 1);
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
