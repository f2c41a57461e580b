using Formulary.Monographs.Loading;

namespace Formulary.Monographs.Tests.Loading;

/// <summary>When a recorded stamp may stand for reading a file (git's index and its "racy git" rule).</summary>
public sealed class RecordedStampTests
{
    private static readonly DateTimeOffset Checked = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);

    /// <summary>A stamp whose files last changed an hour before the time it was checked at.</summary>
    private static readonly FileStamp Old = Stamp(Checked.AddHours(-1));

    private static FileStamp Stamp(DateTimeOffset changed, long size = 120, long inode = 7) =>
        new(size, RecordedStamp.UnixNanoseconds(changed), RecordedStamp.UnixNanoseconds(changed), inode);

    [Fact]
    public void Vouches_SameStampsChangedLongBefore_True()
    {
        var recorded = new RecordedStamp(new SourceStamp(Old, Old with { Inode = 8 }), Checked);

        Assert.True(recorded.Vouches(new SourceStamp(Old, Old with { Inode = 8 })));
    }

    public static TheoryData<FileStamp> OneFieldDiffers => new()
    {
        Old with { Size = 121 },
        Old with { ModifiedNs = Old.ModifiedNs - 1 },
        Old with { ChangedNs = Old.ChangedNs + 1 },
        Old with { Inode = 9 },
    };

    [Theory]
    [MemberData(nameof(OneFieldDiffers))]
    public void Vouches_OneFieldOfTheMarkdownStampDiffers_False(FileStamp now)
    {
        var recorded = new RecordedStamp(new SourceStamp(Old, null), Checked);

        Assert.False(recorded.Vouches(new SourceStamp(now, null)));
    }

    [Fact]
    public void Vouches_RulesFileAppearedOrWent_False()
    {
        var without = new RecordedStamp(new SourceStamp(Old, null), Checked);
        var with = new RecordedStamp(new SourceStamp(Old, Old with { Inode = 8 }), Checked);

        Assert.False(without.Vouches(new SourceStamp(Old, Old with { Inode = 8 })));
        Assert.False(with.Vouches(new SourceStamp(Old, null)));
        Assert.False(with.Vouches(new SourceStamp(Old, Old with { Inode = 8, Size = 1 })));
    }

    /// <summary>
    /// Racy: the file changed within the margin before the stamp's time, so a second change in the same clock tick after
    /// the stamp was taken (same size, the modification time set back) would leave every field equal. Not trusted.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-2_999)]
    [InlineData(5_000)]
    public void Vouches_EqualStampChangedWithinTheMarginOfItsTime_False(int millisecondsAfterCheck)
    {
        var changed = Stamp(Checked.AddMilliseconds(millisecondsAfterCheck));
        var recorded = new RecordedStamp(new SourceStamp(changed, null), Checked);

        Assert.True(recorded.IsRacy);
        Assert.False(recorded.Vouches(new SourceStamp(changed, null)));
    }

    [Fact]
    public void Vouches_OnlyTheRulesFileChangedWithinTheMargin_False()
    {
        var rules = Stamp(Checked.AddMilliseconds(-10), inode: 8);
        var recorded = new RecordedStamp(new SourceStamp(Old, rules), Checked);

        Assert.False(recorded.Vouches(new SourceStamp(Old, rules)));
    }

    [Fact]
    public void Vouches_ModificationTimeSetBackButChangeTimeRecent_False()
    {
        // touch -d sets the modification time back; the kernel still sets the change time to now.
        var stamp = Old with { ChangedNs = RecordedStamp.UnixNanoseconds(Checked.AddMilliseconds(-500)) };
        var recorded = new RecordedStamp(new SourceStamp(stamp, null), Checked);

        Assert.False(recorded.Vouches(new SourceStamp(stamp, null)));
    }

    [Fact]
    public void UnixNanoseconds_RoundTripsToTheTick()
    {
        var instant = new DateTimeOffset(2026, 12, 1, 4, 5, 6, TimeSpan.Zero).AddTicks(1234567);

        Assert.Equal(1_796_097_906_123_456_700, RecordedStamp.UnixNanoseconds(instant));
        Assert.Equal(instant, RecordedStamp.FromUnixNanoseconds(RecordedStamp.UnixNanoseconds(instant)));
    }
}
