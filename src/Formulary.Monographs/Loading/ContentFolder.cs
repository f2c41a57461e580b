using System.Collections.Concurrent;
using Formulary.Monographs.Diagnostics;

namespace Formulary.Monographs.Loading;

/// <summary>
/// The one way to list and read the files of a content folder. Only regular files that resolve inside
/// the folder are listed or read: a symbolic link (to a file or a folder) that leads outside it, a FIFO,
/// a device, a socket or a folder named like a monograph gets a diagnostic and is skipped, so nothing
/// blocks and no server file is published. A read never takes more than its limit plus one byte,
/// whatever size the file system reports.
/// </summary>
public sealed class ContentFolder
{
    private readonly string realRoot;

    /// <summary>Each folder's real path, resolved once: a file is then one <c>lstat</c> unless it is a link.</summary>
    private readonly ConcurrentDictionary<string, string?> realFolders = new(StringComparer.Ordinal);

    private ContentFolder(string root, string realRoot)
    {
        Root = root;
        this.realRoot = realRoot;
    }

    /// <summary>The folder as given (paths listed start with it).</summary>
    public string Root { get; }

    /// <summary>A content folder rooted at <paramref name="root"/>, which must exist.</summary>
    public static ContentFolder Open(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var real = FileProbe.KindOf(root) == FileKind.Directory ? FileProbe.RealPath(root) : null;
        return real is null
            ? throw new DirectoryNotFoundException($"'{root}' is not a folder")
            : new ContentFolder(root, Path.TrimEndingDirectorySeparator(real));
    }

    /// <summary>The content folder a single file belongs to: its folder, or the parent of its collection folder.</summary>
    public static ContentFolder Containing(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var parent = Path.GetDirectoryName(folder);
        return Open(CollectionInfo.TryParse(Path.GetFileName(folder), out _) && parent is not null ? parent : folder);
    }

    /// <summary>
    /// Regular files under <paramref name="folder"/> (any depth) whose name ends with <paramref name="suffix"/>,
    /// in ordinal order. Each entry skipped for safety adds a diagnostic to <paramref name="skipped"/>.
    /// </summary>
    public IReadOnlyList<string> Files(string folder, string suffix, ICollection<Diagnostic> skipped)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(suffix);
        ArgumentNullException.ThrowIfNull(skipped);
        var found = new List<string>();
        if (FileProbe.RealPath(folder) is { } real && Refusal(folder, real, FileKind.Directory, asFile: false) is { } refusal)
        {
            skipped.Add(refusal);
            return found;
        }

        Walk(folder, suffix, found, new HashSet<string>(StringComparer.Ordinal), skipped);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>Reads a file of this folder, at most <paramref name="maxBytes"/> + 1 bytes of it.</summary>
    public ContentFileRead Read(string file, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        var full = Path.GetFullPath(file);
        var (real, kind) = realFolders.GetOrAdd(Path.GetDirectoryName(full) ?? full, FileProbe.RealPath) is { } realFolder
            ? Resolve(full, realFolder)
            : (null, FileKind.Missing);
        if (real is null)
        {
            return ContentFileRead.Refused(DiagnosticCodes.UnreadableFile.At(file, SourcePosition.FileStart,
                "the file could not be read: it does not exist or a link in its path is broken"));
        }

        var refusal = Refusal(file, real, kind, asFile: true);
        if (refusal is not null)
        {
            return ContentFileRead.Refused(refusal);
        }

        try
        {
            // No FileStream (its buffer and strategy objects) and no advisory lock (FileShare.ReadWrite): a handle, and
            // reads at offsets. The reported length only sizes the first buffer (uninitialized: a 64 KiB zeroed one per
            // file cost more than reading it); the loop still reads until the end or the limit plus one byte.
            using var handle = File.OpenHandle(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var limit = checked(maxBytes + 1);
            var buffer = GC.AllocateUninitializedArray<byte>((int)Math.Min(Math.Max(RandomAccess.GetLength(handle) + 1, 256), limit));
            var total = 0;
            while (total < limit)
            {
                if (total == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, limit));
                }

                var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return new ContentFileRead(buffer[..total], total > maxBytes, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ContentFileRead.Refused(DiagnosticCodes.UnreadableFile.At(file, SourcePosition.FileStart, "the file could not be read: " + e.Message));
        }
    }

    private void Walk(string folder, string suffix, List<string> found, HashSet<string> visited, ICollection<Diagnostic> skipped)
    {
        // A link back up the tree would otherwise be walked forever.
        if (FileProbe.RealPath(folder) is not { } realFolder || !visited.Add(realFolder))
        {
            return;
        }

        List<string> entries;
        try
        {
            entries = [.. Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            skipped.Add(DiagnosticCodes.UnreadableFile.At(folder, SourcePosition.FileStart, "the folder could not be read: " + e.Message));
            return;
        }

        foreach (var entry in entries)
        {
            var named = entry.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
            var (real, kind) = Resolve(entry, realFolder);
            if (kind == FileKind.Missing)
            {
                if (named)
                {
                    skipped.Add(DiagnosticCodes.UnreadableFile.At(entry, SourcePosition.FileStart, "the file could not be read: it is a broken link"));
                }

                continue;
            }

            var refusal = Refusal(entry, real!, kind, asFile: named);
            if (refusal is null && kind == FileKind.Directory)
            {
                Walk(entry, suffix, found, visited, skipped);
            }
            else if (refusal is null && named)
            {
                found.Add(entry);
            }
            else if (refusal is not null && (named || kind == FileKind.Directory))
            {
                skipped.Add(refusal);
            }
        }
    }

    /// <summary>
    /// Where an entry of the folder whose real path is <paramref name="realFolder"/> leads, and what it is: a plain
    /// file or folder is its real folder plus its name (one <c>lstat</c>); a link is resolved in full and followed.
    /// </summary>
    private static (string? Real, FileKind Kind) Resolve(string entry, string realFolder)
    {
        var kind = FileProbe.EntryKindOf(entry, out var isLink);
        if (!isLink)
        {
            return kind == FileKind.Missing ? (null, kind) : (Path.Join(realFolder, Path.GetFileName(entry)), kind);
        }

        return FileProbe.RealPath(entry) is { } real ? (real, FileProbe.KindOf(real)) : (null, FileKind.Missing);
    }

    /// <summary>Why an entry must not be read, or null. A folder is refused when it leads outside or is taken for a file.</summary>
    private Diagnostic? Refusal(string entry, string real, FileKind kind, bool asFile)
    {
        if (!IsInside(real))
        {
            return DiagnosticCodes.OutsideContentFolder.At(entry, SourcePosition.FileStart,
                $"'{Path.GetFileName(entry)}' is a link that leads outside the content folder; it was not read (copy the file in instead)");
        }

        return kind switch
        {
            FileKind.Special => DiagnosticCodes.NotRegularFile.At(entry, SourcePosition.FileStart,
                $"'{Path.GetFileName(entry)}' is not a regular file (a FIFO, device or socket); it was not read"),
            FileKind.Directory when asFile =>
                DiagnosticCodes.NotRegularFile.At(entry, SourcePosition.FileStart,
                    $"'{Path.GetFileName(entry)}' is a folder named like a content file; it was skipped (rename it)"),
            _ => null,
        };
    }

    private bool IsInside(string real) =>
        string.Equals(real, realRoot, StringComparison.Ordinal)
        || real.StartsWith(realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || (realRoot == "/" && real.StartsWith('/'));
}
