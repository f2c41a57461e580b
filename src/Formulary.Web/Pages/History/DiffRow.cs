using Formulary.Storage.Versions;

namespace Formulary.Web.Pages.History;

/// <summary>A row of a shown diff: a line of the diff, or (<see cref="Line"/> null) a run of <see cref="Skipped"/> unchanged lines left out.</summary>
public sealed record DiffRow(DiffLine? Line, int Skipped)
{
    /// <summary>Changed lines with <paramref name="context"/> unchanged lines either side; longer unchanged runs become one skipped row.</summary>
    public static IReadOnlyList<DiffRow> Around(IReadOnlyList<DiffLine> lines, int context)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind == DiffLineKind.Unchanged)
            {
                continue;
            }

            for (var j = Math.Max(0, i - context); j <= Math.Min(lines.Count - 1, i + context); j++)
            {
                keep[j] = true;
            }
        }

        var rows = new List<DiffRow>();
        var skipped = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!keep[i])
            {
                skipped++;
                continue;
            }

            if (skipped > 0)
            {
                rows.Add(new DiffRow(null, skipped));
                skipped = 0;
            }

            rows.Add(new DiffRow(lines[i], 0));
        }

        if (skipped > 0)
        {
            rows.Add(new DiffRow(null, skipped));
        }

        return rows;
    }
}
