using System.Runtime.InteropServices;
using System.Text;

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
    /// The kind in a status the runtime's stat shim filled: a platform-independent struct whose second int is
    /// the mode with the portable S_IFMT bits.
    /// </summary>
    private static FileKind FromMode(byte[] status) => (BitConverter.ToInt32(status, 4) & TypeMask) switch
    {
        RegularType => FileKind.Regular,
        DirectoryType => FileKind.Directory,
        _ => FileKind.Special,
    };

    private const int TypeMask = 0xF000;
    private const int LinkType = 0xA000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;

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
    }
}
