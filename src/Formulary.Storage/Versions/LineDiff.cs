using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Formulary.Storage.Versions;

/// <summary>Line diff of two source texts with DiffPlex, numbered against both sides.</summary>
internal static class LineDiff
{
    public static IReadOnlyList<DiffLine> Compute(string oldText, string newText)
    {
        var model = InlineDiffBuilder.Diff(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false);
        var lines = new List<DiffLine>(model.Lines.Count);
        var oldLine = 0;
        var newLine = 0;
        foreach (var piece in model.Lines)
        {
            switch (piece.Type)
            {
                case ChangeType.Inserted:
                    lines.Add(new DiffLine(DiffLineKind.Added, null, ++newLine, piece.Text));
                    break;
                case ChangeType.Deleted:
                    lines.Add(new DiffLine(DiffLineKind.Removed, ++oldLine, null, piece.Text));
                    break;
                case ChangeType.Unchanged:
                    lines.Add(new DiffLine(DiffLineKind.Unchanged, ++oldLine, ++newLine, piece.Text));
                    break;
                default:
                    // The inline builder only emits the three kinds above; Imaginary and Modified belong to side-by-side diffs.
                    throw new InvalidOperationException($"unexpected diff line type {piece.Type}");
            }
        }

        return lines;
    }
}
