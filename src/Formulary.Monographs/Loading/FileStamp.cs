namespace Formulary.Monographs.Loading;

/// <summary>
/// What the file system says about a file without reading it (its POSIX <c>stat</c>): size, modification and
/// status-change times in nanoseconds since 1970, and inode. The status-change time (<c>ctime</c>) is set by the
/// kernel on every write, rename or <c>touch -d</c> and cannot be set back, so a file whose bytes changed no longer
/// has the stamp it had, unless the change fell in the same clock tick as the stamp was taken: see
/// <see cref="RecordedStamp"/> for that case.
/// </summary>
public readonly record struct FileStamp(long Size, long ModifiedNs, long ChangedNs, long Inode);
