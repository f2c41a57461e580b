using Formulary.Monographs;
using Formulary.Storage.Versions;

namespace Formulary.Web.Pages.History;

/// <summary>
/// A monograph's history: every version, newest first, and for the version page the one shown
/// (<see cref="Shown"/>) with its diff from <see cref="Diff"/>'s older side (null for a first version).
/// </summary>
public sealed record HistoryPage(Collection Collection, string Slug, string Title, IReadOnlyList<MonographVersion> Versions)
{
    /// <summary>Unchanged lines shown around each change.</summary>
    public const int Context = 3;

    public MonographVersion? Shown { get; init; }

    public VersionDiff? Diff { get; init; }

    public IReadOnlyList<DiffRow> Rows => Diff is null ? [] : DiffRow.Around(Diff.Lines, Context);

    /// <summary>The live page exists (the document is published and not removed).</summary>
    public bool IsLive => Versions.Any(v => v.IsLatest);

    public static string Status(MonographVersion version) =>
        version.IsRejected ? "rejected (never published)" : version.IsLatest ? "current" : "earlier";
}
