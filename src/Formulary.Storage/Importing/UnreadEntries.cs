namespace Formulary.Storage.Importing;

/// <summary>
/// Entries of the content folder that are there but were not read: a link leading outside it or nowhere, a FIFO, a folder
/// named like a monograph, a folder that could not be listed (the listing's MONO005/MONO007/MONO008). A stored document whose
/// source path is one of them, or lies under one, still has its file: its stored version is kept and never pruned, as when
/// its file is read and refused (empty, binary, too large). Paths are relative to the content root with <c>/</c>, as stored.
/// </summary>
public sealed class UnreadEntries
{
    private readonly HashSet<string> paths;

    public UnreadEntries(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        this.paths = new HashSet<string>(paths, StringComparer.Ordinal);
    }

    public static UnreadEntries None { get; } = new([]);

    public bool IsEmpty => paths.Count == 0;

    /// <summary>Whether <paramref name="sourcePath"/> is an unread entry or lies in an unread folder.</summary>
    public bool Covers(string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        if (paths.Count == 0)
        {
            return false;
        }

        for (var path = sourcePath; path.Length > 0; path = path[..Math.Max(path.LastIndexOf('/'), 0)])
        {
            if (paths.Contains(path))
            {
                return true;
            }
        }

        return false;
    }
}
