namespace Formulary.Monographs.Loading;

/// <summary>
/// A document's <see cref="SourceStamp"/> as a store recorded it when the bytes were last read and their content hash
/// computed, with <see cref="CheckedAt"/>, a time taken <em>before</em> those stamps were read (the import's start).
/// It vouches that the files still hold those bytes, so they need not be read again to know their hash, only when
/// every stamp is equal and the stamp is not racy (git's index does the same; ADR 0003, "Unchanged files are not
/// read"): a file changed in the same clock tick as it was stamped, after the stamp, keeps an equal stamp, so a stamp
/// whose files changed less than <see cref="RacyMargin"/> before <see cref="CheckedAt"/> is never trusted; the file is
/// read and hashed, and its stamp recorded again, later, so it is trusted at the next import.
/// </summary>
public sealed record RecordedStamp(SourceStamp Stamp, DateTimeOffset CheckedAt)
{
    /// <summary>
    /// Covers the file system's clock running behind the one <see cref="CheckedAt"/> is read from (Linux stamps files
    /// from a coarse clock, up to a tick behind) and coarse timestamps (FAT keeps modification times to 2 s).
    /// </summary>
    public static readonly TimeSpan RacyMargin = TimeSpan.FromSeconds(3);

    /// <summary>Whether a file changed so close to <see cref="CheckedAt"/> that a later change could have left its stamp equal.</summary>
    public bool IsRacy
    {
        get
        {
            var newest = Math.Max(Newest(Stamp.Markdown), Stamp.Rules is { } rules ? Newest(rules) : long.MinValue);
            return newest >= UnixNanoseconds(CheckedAt - RacyMargin);
        }
    }

    /// <summary>An instant in the file system's unit: nanoseconds since 1970.</summary>
    public static long UnixNanoseconds(DateTimeOffset instant) => (instant - DateTimeOffset.UnixEpoch).Ticks * TimeSpan.NanosecondsPerTick;

    public static DateTimeOffset FromUnixNanoseconds(long nanoseconds) => DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / TimeSpan.NanosecondsPerTick);

    /// <summary>Whether the files whose stamps are <paramref name="now"/> hold the bytes hashed when this was recorded.</summary>
    public bool Vouches(SourceStamp now)
    {
        ArgumentNullException.ThrowIfNull(now);
        return !IsRacy && now.Markdown == Stamp.Markdown && Nullable.Equals(now.Rules, Stamp.Rules);
    }

    private static long Newest(FileStamp stamp) => Math.Max(stamp.ModifiedNs, stamp.ChangedNs);
}
