using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Formulary.Monographs.Loading;

/// <summary>What a path is once every symbolic link in it is resolved.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,

    /// <summary>A FIFO, character or block device or socket: opening or reading it can block or never end.</summary>
    Special,
}

/// <summary>
/// The two questions .NET cannot answer for a content folder: where a path really leads (every link
/// resolved, POSIX <c>realpath</c>) and whether it is a regular file (a FIFO or <c>/dev/zero</c> is
/// "a file" to <see cref="File.Exists"/>, and opening a FIFO blocks until someone writes to it).
/// </summary>
internal static class FileProbe
{
    /// <summary>The canonical path with every link resolved; null when it does not exist (or a link in it is broken).</summary>
    public static string? RealPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows())
        {
            var full = Path.GetFullPath(path);
            return File.Exists(full) || Directory.Exists(full)
                ? (File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full)
                : null;
        }

        var resolved = Native.realpath(Utf8(Path.GetFullPath(path)), IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Native.free(resolved);
        }
    }

    /// <summary>The kind of what <paramref name="path"/> leads to (links followed); never opens it.</summary>
    public static FileKind KindOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows())
        {
            return Directory.Exists(path) ? FileKind.Directory
                : !File.Exists(path) ? FileKind.Missing
                : File.GetAttributes(path).HasFlag(FileAttributes.Device) ? FileKind.Special
                : FileKind.Regular;
        }

        // The runtime's own stat shim (the one FileInfo uses) fills a platform-independent struct whose
        // second int is the mode with the portable S_IFMT bits; the buffer is larger than the struct.
        var status = new byte[256];
        if (Native.SystemNative_Stat(Utf8(path), status) != 0)
        {
            return FileKind.Missing;
        }

        return FromMode(status);
    }

    /// <summary>
    /// The kind of the entry itself (a link is not followed: <see cref="FileKind.Missing"/> with
    /// <paramref name="isLink"/> set); one <c>lstat</c>, where <see cref="RealPath"/> costs one per path component.
    /// </summary>
    public static FileKind EntryKindOf(string path, out bool isLink)
    {
        ArgumentNullException.ThrowIfNull(path);
        isLink = false;
        if (OperatingSystem.IsWindows())
        {
            isLink = File.ResolveLinkTarget(path, returnFinalTarget: false) is not null;
            return isLink ? FileKind.Missing : KindOf(path);
        }

        var status = new byte[256];
        if (Native.SystemNative_LStat(Utf8(path), status) != 0)
        {
            return FileKind.Missing;
        }

        isLink = (BitConverter.ToInt32(status, 4) & TypeMask) == LinkType;
        return isLink ? FileKind.Missing : FromMode(status);
    }

    /// <summary>
    /// Whether the fast paths below (<see cref="Entries"/> with each entry's type from the directory itself,
    /// <see cref="Open"/>) are available: Linux on x64 or Arm64, whose <c>open</c> flags and
    /// <c>dirent</c> layout they use. Elsewhere callers take the portable path (one <c>lstat</c> per entry).
    /// </summary>
    public static bool HasFastPaths { get; } =
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>
    /// The entries of a folder with the type the directory records for each (<c>readdir</c>'s <c>d_type</c>): a
    /// regular file or folder costs no <c>stat</c>; a link, or a type the file system does not record, is
    /// <see langword="null"/> and must be probed. Only when <see cref="HasFastPaths"/>.
    /// </summary>
    /// <exception cref="IOException">The folder cannot be listed.</exception>
    public static List<(string Name, FileKind? Kind)> Entries(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var directory = Native.opendir(Utf8(folder));
        if (directory == IntPtr.Zero)
        {
            throw new IOException($"the folder cannot be listed (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            var entries = new List<(string, FileKind?)>();
            while (Native.readdir(directory) is var entry && entry != IntPtr.Zero)
            {
                // struct dirent on 64-bit Linux (glibc and musl): ino 8, off 8, reclen 2, type 1, then the name.
                var name = Marshal.PtrToStringUTF8(entry + 19);
                if (name is null or "." or "..")
                {
                    continue;
                }

                entries.Add((name, Marshal.ReadByte(entry, 18) switch
                {
                    DirRegular => FileKind.Regular,
                    DirDirectory => FileKind.Directory,
                    DirFifo or DirCharacter or DirBlock or DirSocket => FileKind.Special,
                    _ => null,
                }));
            }

            return entries;
        }
        finally
        {
            _ = Native.closedir(directory);
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> for reading without blocking (a FIFO opens at once) and, unless
    /// <paramref name="followLink"/>, without following a link in its last component; says what the opened file
    /// is and its reported length. Null when it cannot be opened, with the <c>errno</c> in <paramref name="error"/>
    /// (<see cref="LinkNotFollowed"/>: a link). Only when <see cref="HasFastPaths"/>.
    /// </summary>
    public static SafeFileHandle? Open(string path, bool followLink, out FileKind kind, out FileStamp stamp, out int error)
    {
        ArgumentNullException.ThrowIfNull(path);
        kind = FileKind.Missing;
        stamp = default;
        error = 0;
        var flags = ReadOnlyNonBlockingCloseOnExec | (followLink ? 0 : RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? NoFollowArm64 : NoFollowX64);
        var descriptor = Native.open(Utf8(path), flags);
        if (descriptor < 0)
        {
            error = Marshal.GetLastPInvokeError();
            return null;
        }

        var handle = new SafeFileHandle((IntPtr)descriptor, ownsHandle: true);
        var status = new byte[256];
        if (Native.SystemNative_FStat((IntPtr)descriptor, status) != 0)
        {
            error = Marshal.GetLastPInvokeError();
            handle.Dispose();
            return null;
        }

        kind = FromMode(status);
        stamp = StampFrom(status);
        return handle;
    }

    /// <summary>
    /// The stamp of the entry itself, a link not followed (one <c>lstat</c>); null unless it is a regular file. Only
    /// when <see cref="HasFastPaths"/> (the runtime's stat shim reports times to the nanosecond there).
    /// </summary>
    public static FileStamp? RegularStamp(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        // Called for every file of a folder whose stamps are checked: the path and the status on the stack, nothing allocated.
        var length = Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
        Span<byte> name = length <= 1024 ? stackalloc byte[length] : new byte[length];
        name[Encoding.UTF8.GetBytes(path, name)] = 0;
        Span<byte> status = stackalloc byte[256];
        return Native.SystemNative_LStat(ref MemoryMarshal.GetReference(name), ref MemoryMarshal.GetReference(status)) == 0
            && (BitConverter.ToInt32(status[4..]) & TypeMask) == RegularType
            ? StampFrom(status)
            : null;
    }

    /// <summary>The <c>errno</c> of an <see cref="Open"/> that met a link it was told not to follow.</summary>
    public const int LinkNotFollowed = 40; // ELOOP

    /// <summary>The <c>errno</c> of an <see cref="Open"/> of a path that does not exist.</summary>
    public const int NoSuchFile = 2; // ENOENT

    /// <summary>Reads into <paramref name="buffer"/> from the current position of a handle <see cref="Open"/> opened; 0 at the end.</summary>
    /// <exception cref="IOException">The read failed.</exception>
    public static int Read(SafeFileHandle handle, Span<byte> buffer)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (buffer.IsEmpty)
        {
            return 0;
        }

        var read = Native.read((int)handle.DangerousGetHandle(), ref MemoryMarshal.GetReference(buffer), buffer.Length);
        return read >= 0 ? (int)read : throw new IOException($"the file could not be read (errno {Marshal.GetLastPInvokeError()})");
    }

    /// <summary>
    /// The kind in a status the runtime's stat shim filled: a platform-independent struct whose second int is
    /// the mode with the portable S_IFMT bits.
    /// </summary>
    private static FileKind FromMode(byte[] status) => (BitConverter.ToInt32(status, 4) & TypeMask) switch
    {
        RegularType => FileKind.Regular,
        DirectoryType => FileKind.Directory,
        _ => FileKind.Special,
    };

    /// <summary>
    /// The stamp in a status the runtime's stat shim filled (its <c>FileStatus</c>: flags, mode, uid, gid as ints, then
    /// 64-bit size, access, modification and change seconds each followed by its nanoseconds, birth time, device, rdev
    /// and inode). A test compares it with what <see cref="FileInfo"/> reports, so a change of that layout shows.
    /// </summary>
    private static FileStamp StampFrom(ReadOnlySpan<byte> status) => new(
        BitConverter.ToInt64(status[16..]),
        checked((BitConverter.ToInt64(status[40..]) * 1_000_000_000) + BitConverter.ToInt64(status[48..])),
        checked((BitConverter.ToInt64(status[56..]) * 1_000_000_000) + BitConverter.ToInt64(status[64..])),
        BitConverter.ToInt64(status[104..]));

    private const int TypeMask = 0xF000;
    private const int LinkType = 0xA000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;

    // open(2) flags shared by Linux x64 and Arm64 (O_RDONLY | O_NONBLOCK | O_CLOEXEC), and O_NOFOLLOW, which differs.
    private const int ReadOnlyNonBlockingCloseOnExec = 0x800 | 0x80000;
    private const int NoFollowX64 = 0x20000;
    private const int NoFollowArm64 = 0x8000;

    // d_type values of readdir(3).
    private const byte DirFifo = 1;
    private const byte DirCharacter = 2;
    private const byte DirDirectory = 4;
    private const byte DirBlock = 6;
    private const byte DirRegular = 8;
    private const byte DirSocket = 12;

    private static byte[] Utf8(string path) => Encoding.UTF8.GetBytes(path + "\0");

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern IntPtr realpath(byte[] path, IntPtr resolved);

        [DllImport("libc")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern void free(IntPtr pointer);

        [DllImport("libSystem.Native")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int SystemNative_Stat(byte[] path, byte[] status);

        [DllImport("libSystem.Native")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int SystemNative_LStat(byte[] path, byte[] status);

        [DllImport("libSystem.Native")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int SystemNative_LStat(ref byte path, ref byte status);

        [DllImport("libSystem.Native", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int SystemNative_FStat(IntPtr descriptor, byte[] status);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int open(byte[] path, int flags);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern nint read(int descriptor, ref byte buffer, nint count);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern IntPtr opendir(byte[] path);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern IntPtr readdir(IntPtr directory);

        [DllImport("libc")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int closedir(IntPtr directory);
    }
}
