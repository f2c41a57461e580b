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

    /// <summary>The real root with a separator: what a path inside it starts with.</summary>
    private readonly string realRootPrefix;

    /// <summary>Each folder's real path, resolved once: a file is then one <c>lstat</c> unless it is a link.</summary>
    private readonly ConcurrentDictionary<string, string?> realFolders = new(StringComparer.Ordinal);

    /// <summary>Each folder walked, listed once: a second walk (another suffix) and <see cref="Exists"/> make no system call.</summary>
    private readonly ConcurrentDictionary<string, Listing> listings = new(StringComparer.Ordinal);

    private ContentFolder(string root, string realRoot)
    {
        Root = root;
        this.realRoot = realRoot;
        realRootPrefix = realRoot + Path.DirectorySeparatorChar;
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
        // Each folder's entries come in order, so the walk's order is already the ordinal one unless a folder and a
        // file of one folder share a name's start ("x/…" sorts after "x.md"): checked in one pass before sorting.
        if (!IsOrdered(found))
        {
            found.Sort(StringComparer.Ordinal);
        }

        return found;
    }

    /// <summary>Reads a file of this folder, at most <paramref name="maxBytes"/> + 1 bytes of it.</summary>
    public ContentFileRead Read(string file, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        return FileProbe.HasFastPaths ? ReadOpened(file, maxBytes) : ReadResolved(file, maxBytes);
    }

    /// <summary>
    /// Whether <paramref name="file"/> leads to something (links followed): answered from a listing this folder
    /// already made, else by one <c>stat</c>.
    /// </summary>
    public bool Exists(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Exists(file.AsSpan());
    }

    /// <inheritdoc cref="Exists(string)"/>
    public bool Exists(ReadOnlySpan<char> file) =>
        ListingOf(file) is { } listing
            ? listing.ByPath.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(file, out var entry) && entry.Kind != FileKind.Missing
            : FileProbe.KindOf(file.ToString()) != FileKind.Missing;

    /// <summary>The listing this folder made of <paramref name="file"/>'s folder, if it made one; looked up without a string made.</summary>
    private Listing? ListingOf(ReadOnlySpan<char> file) =>
        listings.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(Path.GetDirectoryName(file), out var listing) ? listing : null;

    /// <summary>
    /// The fast path: the file is opened without following a link and without blocking, and what was opened is
    /// checked (<c>fstat</c>) before a byte is read, so a file swapped for a link or a FIFO after the listing is
    /// still refused. A link is resolved in full and checked as on the portable path.
    /// </summary>
    private ContentFileRead ReadOpened(string file, int maxBytes)
    {
        var full = Path.GetFullPath(file);
        if (realFolders.GetOrAdd(Path.GetDirectoryName(full) ?? full, FileProbe.RealPath) is not { } realFolder)
        {
            return Unreadable(file);
        }

        var real = Path.Join(realFolder, Path.GetFileName(full));
        if (!IsInside(real))
        {
            return ContentFileRead.Refused(Refusal(file, real, FileKind.Regular, asFile: true)!);
        }

        var handle = FileProbe.Open(real, followLink: false, out var kind, out var stamp, out var error);
        var linked = handle is null && error == FileProbe.LinkNotFollowed;
        if (linked)
        {
            if (FileProbe.RealPath(full) is not { } target)
            {
                return Unreadable(file);
            }

            real = target;
            handle = IsInside(real) ? FileProbe.Open(real, followLink: true, out kind, out stamp, out error) : null;
        }

        using (handle)
        {
            if (handle is null)
            {
                return !IsInside(real) ? ContentFileRead.Refused(Refusal(file, real, kind, asFile: true)!)
                    : error == FileProbe.NoSuchFile ? Unreadable(file)
                    : CouldNotRead(file, new System.ComponentModel.Win32Exception(error).Message);
            }

            return Refusal(file, real, kind, asFile: true) is { } refusal
                ? ContentFileRead.Refused(refusal)
                : ReadBounded(file, stamp.Size, maxBytes, (buffer, _) => FileProbe.Read(handle, buffer)) with { Stamp = linked ? null : stamp };
        }
    }

    /// <summary>
    /// The stamp of a plain regular file of this folder (one <c>lstat</c>, nothing read), as <see cref="Read"/> reports
    /// it; null for anything else (a link, a missing file, a FIFO) and where the fast paths are not available, so the
    /// caller reads the file as usual.
    /// </summary>
    public FileStamp? Stamp(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!FileProbe.HasFastPaths)
        {
            return null;
        }

        // A plain entry of a folder already listed is its real folder plus its name: no path to work out again.
        if (ListingOf(file) is { } listing && listing.ByPath.TryGetValue(file, out var entry) && entry.Plain)
        {
            return entry.Kind == FileKind.Regular && IsInside(entry.Real!) ? FileProbe.RegularStamp(entry.Real!) : null;
        }

        var full = Path.GetFullPath(file);
        if (realFolders.GetOrAdd(Path.GetDirectoryName(full) ?? full, FileProbe.RealPath) is not { } realFolder)
        {
            return null;
        }

        var real = Path.Join(realFolder, Path.GetFileName(full));
        return IsInside(real) ? FileProbe.RegularStamp(real) : null;
    }

    /// <summary>The portable path: the file's kind and real path first (one <c>lstat</c> unless a link), then a read.</summary>
    private ContentFileRead ReadResolved(string file, int maxBytes)
    {
        var full = Path.GetFullPath(file);
        var (real, kind) = realFolders.GetOrAdd(Path.GetDirectoryName(full) ?? full, FileProbe.RealPath) is { } realFolder
            ? Resolve(full, realFolder)
            : (null, FileKind.Missing);
        if (real is null)
        {
            return Unreadable(file);
        }

        var refusal = Refusal(file, real, kind, asFile: true);
        if (refusal is not null)
        {
            return ContentFileRead.Refused(refusal);
        }

        try
        {
            // No FileStream (its buffer and strategy objects) and no advisory lock (FileShare.ReadWrite): a handle, and
            // reads at offsets.
            using var handle = File.OpenHandle(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return ReadBounded(file, RandomAccess.GetLength(handle), maxBytes, (buffer, offset) => RandomAccess.Read(handle, buffer, offset));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CouldNotRead(file, e.Message);
        }
    }

    /// <summary>Reads into <paramref name="buffer"/> (at <paramref name="offset"/> where the reader seeks); fewer bytes than it holds only at the end.</summary>
    private delegate int ReadChunk(Span<byte> buffer, long offset);

    /// <summary>
    /// The bytes of an opened regular file, at most <paramref name="maxBytes"/> + 1 of them. The reported length only
    /// sizes the first buffer (uninitialized: a zeroed 64 KiB one per file cost more than reading it); reading stops at
    /// the end (a short read) or at the limit plus one byte, whatever the length said.
    /// </summary>
    private static ContentFileRead ReadBounded(string file, long reportedLength, int maxBytes, ReadChunk read)
    {
        try
        {
            var limit = checked(maxBytes + 1);
            var buffer = GC.AllocateUninitializedArray<byte>((int)Math.Min(Math.Max(reportedLength + 1, 256), limit));
            var total = 0;
            while (total < limit)
            {
                if (total == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, limit));
                }

                var wanted = buffer.Length - total;
                var count = read(buffer.AsSpan(total), total);
                total += count;
                if (count < wanted)
                {
                    break;
                }
            }

            return new ContentFileRead(buffer[..total], total > maxBytes, null);
        }
        catch (IOException e)
        {
            return CouldNotRead(file, e.Message);
        }
    }

    private static ContentFileRead CouldNotRead(string file, string reason) =>
        ContentFileRead.Refused(DiagnosticCodes.UnreadableFile.At(file, SourcePosition.FileStart, "the file could not be read: " + reason));

    private static ContentFileRead Unreadable(string file) => CouldNotRead(file, "it does not exist or a link in its path is broken");

    private void Walk(string folder, string suffix, List<string> found, HashSet<string> visited, ICollection<Diagnostic> skipped)
    {
        // A link back up the tree would otherwise be walked forever.
        if (FileProbe.RealPath(folder) is not { } realFolder || !visited.Add(realFolder))
        {
            return;
        }

        var listing = listings.GetOrAdd(folder, List, realFolder);
        if (listing.Problem is { } problem)
        {
            skipped.Add(DiagnosticCodes.UnreadableFile.At(folder, SourcePosition.FileStart, "the folder could not be read: " + problem));
            return;
        }

        foreach (var (entry, real, kind) in listing.Entries)
        {
            var named = entry.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
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
    /// A folder's entries in ordinal order, each with where it leads and what it is. Where the directory records
    /// each entry's type (<see cref="FileProbe.Entries"/>) a plain file or folder costs no <c>stat</c>; a link, or an
    /// entry of unrecorded type, is probed.
    /// </summary>
    private static Listing List(string folder, string realFolder)
    {
        try
        {
            List<ListedEntry> entries;
            if (FileProbe.HasFastPaths)
            {
                var named = FileProbe.Entries(folder);
                named.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                entries = new List<ListedEntry>(named.Count);
                // A folder reached through no link is its own real path: each plain entry's real path is then its path.
                var unlinked = string.Equals(Path.TrimEndingDirectorySeparator(folder), realFolder, StringComparison.Ordinal);
                foreach (var (name, type) in named)
                {
                    var path = Path.Join(folder, name);
                    entries.Add(type is { } kind
                        ? new ListedEntry(path, unlinked ? path : Path.Join(realFolder, name), kind) { Plain = true }
                        : Probe(path, realFolder));
                }
            }
            else
            {
                entries = [.. Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal).Select(entry => Probe(entry, realFolder))];
            }

            return new Listing(entries, entries.ToDictionary(e => e.Path, StringComparer.Ordinal), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Listing([], [], e.Message);
        }

        static ListedEntry Probe(string entry, string realFolder)
        {
            var (real, kind) = Resolve(entry, realFolder);
            return new ListedEntry(entry, real, kind);
        }
    }

    /// <summary>
    /// An entry of a folder: its path as listed, where it leads (null: a broken link) and what it is. <see cref="Plain"/>:
    /// the directory recorded its type, so it is no link and <see cref="Real"/> is the folder's real path plus its name.
    /// </summary>
    private readonly record struct ListedEntry(string Path, string? Real, FileKind Kind)
    {
        public bool Plain { get; init; }
    }

    /// <summary>A folder's entries in ordinal order and by path, or why it could not be listed.</summary>
    private sealed record Listing(IReadOnlyList<ListedEntry> Entries, Dictionary<string, ListedEntry> ByPath, string? Problem);

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

    private static bool IsOrdered(List<string> paths)
    {
        for (var i = 1; i < paths.Count; i++)
        {
            if (string.CompareOrdinal(paths[i - 1], paths[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private bool IsInside(string real) =>
        string.Equals(real, realRoot, StringComparison.Ordinal)
        || real.StartsWith(realRootPrefix, StringComparison.Ordinal)
        || (realRoot == "/" && real.StartsWith('/'));
}
