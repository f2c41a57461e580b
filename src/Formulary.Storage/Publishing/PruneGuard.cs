using System.Globalization;
using Formulary.Monographs;
using Formulary.Storage.Importing;

namespace Formulary.Storage.Publishing;

/// <summary>
/// Removal by accident is the costly mistake (an empty or mistyped folder unpublishing a formulary), so
/// a prune is refused, unless forced, when the folder has none of the collection folders or when it
/// would remove more than <see cref="MaxShare"/> of the live documents. The refusal names what would go.
/// </summary>
public static class PruneGuard
{
    public const double MaxShare = 0.10;

    private const int Named = 20;

    /// <returns>Null when the prune may go ahead; else the refusal message.</returns>
    /// <param name="unread">Entries there but not read: their documents are kept, not removed (null: none).</param>
    public static string? Check(
        IReadOnlyDictionary<(Collection, string), StoredState> stored, IReadOnlySet<(Collection, string)> present, bool hasCollectionFolders, bool force,
        UnreadEntries? unread = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(present);
        unread ??= UnreadEntries.None;
        var live = stored.Values.Where(s => !s.IsRemoved).ToList();
        var removed = live.Where(s => !present.Contains((s.Collection, s.Slug)) && !unread.Covers(s.SourcePath))
            .OrderBy(s => s.Collection).ThenBy(s => s.Slug, StringComparer.Ordinal).ToList();
        if (force || removed.Count == 0)
        {
            return null;
        }

        string? why = !hasCollectionFolders
            ? "the folder has none of compositions/, combinations/, medicines/"
            : removed.Count > live.Count * MaxShare
                ? string.Create(CultureInfo.InvariantCulture, $"it would remove {removed.Count} of {live.Count} documents, more than {MaxShare:P0}")
                : null;
        if (why is null)
        {
            return null;
        }

        var names = string.Join(", ", removed.Take(Named).Select(s => $"{s.Collection.FolderName()}/{s.Slug}"));
        var more = removed.Count > Named ? string.Create(CultureInfo.InvariantCulture, $" and {removed.Count - Named} more") : string.Empty;
        return $"prune refused: {why}. It would remove: {names}{more}. Nothing was imported; check the folder, or pass --force to remove them.";
    }
}
