using System.Runtime.InteropServices;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// Puts a finished file at its name only if nothing is there, in one step: on Unix a hard link (<c>link(2)</c> fails with
/// <c>EEXIST</c> rather than replace a name), then the old name removed and the folder synced so the new name survives a
/// power loss; on Windows <see cref="File.Move(string, string, bool)"/>, whose move without overwrite is one call that
/// fails when the name exists. .NET's move on Unix checks the name and then renames, so a file put there between the two
/// would be replaced (dotnet/runtime, <c>FileSystem.Unix.cs</c>; seen with <c>strace</c>: <c>lstat</c>, then <c>rename</c>).
/// </summary>
internal static class NewStoreFile
{
    private const int AlreadyExists = 17; // EEXIST on Linux and macOS

    /// <summary>Moves <paramref name="source"/> to <paramref name="destination"/>; false, moving nothing, when the destination exists.</summary>
    public static bool MoveIfAbsent(string source, string destination)
    {
        if (!OperatingSystem.IsWindows())
        {
            if (Native.link(source, destination) == 0)
            {
                File.Delete(source);
                SyncFolder(Path.GetDirectoryName(destination)!);
                return true;
            }

            if (Marshal.GetLastPInvokeError() == AlreadyExists)
            {
                return false;
            }

            // A file system without hard links (e.g. FAT): the framework's move, a check and then a rename.
        }

        try
        {
            File.Move(source, destination, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(destination))
        {
            return false;
        }
    }

    /// <summary>Syncs a folder's entries to disk (best effort: a folder that cannot be opened is left to the kernel).</summary>
    private static void SyncFolder(string folder)
    {
        var descriptor = Native.open(folder, 0);
        if (descriptor >= 0)
        {
            _ = Native.fsync(descriptor);
            _ = Native.close(descriptor);
        }
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int fsync(int descriptor);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int close(int descriptor);
    }
}
