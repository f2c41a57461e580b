using System.Diagnostics;
using Formulary.Monographs.Loading;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing;

namespace Formulary.Monographs.Tests.Loading;

/// <summary>
/// A content file's stamp (its <c>stat</c>, nothing read), and the load that trusts a recorded one instead of reading
/// the file. The stamps come from the runtime's stat shim read at fixed offsets, so they are checked against what
/// <see cref="FileInfo"/> and <c>stat(1)</c> report for the same file. Linux (x64, Arm64) only, as the safety tests.
/// </summary>
public sealed class ContentFolderStampTests
{
    [Fact]
    public void Stamp_RegularFile_IsWhatFileInfoAndStatReport()
    {
        using var content = new TempContent();
        var file = content.Write("compositions/alpha.md", "---\ntitle: Alpha\n---\nBody.\n");

        var stamp = ContentFolder.Open(content.Root).Stamp(file)!.Value;

        var info = new FileInfo(file);
        Assert.Equal(info.Length, stamp.Size);
        Assert.Equal(new DateTimeOffset(info.LastWriteTimeUtc), RecordedStamp.FromUnixNanoseconds(stamp.ModifiedNs));
        Assert.Equal(Stat("%i %Z", file), $"{stamp.Inode} {stamp.ChangedNs / 1_000_000_000}");
    }

    [Fact]
    public void Read_RegularFile_ReportsTheStampTakenWithoutReading()
    {
        using var content = new TempContent();
        var file = content.Write("compositions/alpha.md", "---\ntitle: Alpha\n---\nBody.\n");
        var folder = ContentFolder.Open(content.Root);

        Assert.Equal(folder.Stamp(file), folder.Read(file, 1024).Stamp);
    }

    [Fact]
    public void Stamp_LinkOrMissingFile_IsNullSoTheFileIsRead()
    {
        using var content = new TempContent();
        var target = content.Write("compositions/alpha.md", "---\ntitle: Alpha\n---\nBody.\n");
        var link = Path.Combine(content.Root, "compositions", "beta.md");
        File.CreateSymbolicLink(link, target);
        var folder = ContentFolder.Open(content.Root);

        Assert.Null(folder.Stamp(link));
        Assert.Null(folder.Read(link, 1024).Stamp);
        Assert.Null(folder.Stamp(Path.Combine(content.Root, "compositions", "gamma.md")));
    }

    [Fact]
    public void Stamp_FileReplacedByRename_InodeDiffers()
    {
        using var content = new TempContent();
        var file = content.Write("compositions/alpha.md", "---\ntitle: Alpha\n---\nBody.\n");
        var folder = ContentFolder.Open(content.Root);
        var before = folder.Stamp(file)!.Value;
        var saved = content.Write("alpha.tmp", "---\ntitle: Alpha\n---\nBody.\n");
        File.Move(saved, file, overwrite: true);

        Assert.NotEqual(before.Inode, folder.Stamp(file)!.Value.Inode);
    }

    [Fact]
    public async Task Load_RecordedStampVouches_FileNotReadAndStoredHashKept()
    {
        using var content = new TempContent();
        var file = content.Write("compositions/alpha.md", "---\ntitle: Alpha\n---\nBody.\n");
        var stamp = new SourceStamp(ContentFolder.Open(content.Root).Stamp(file)!.Value, null);
        // Taken well after the file's last change: not racy. The stored hash is not the file's, so a read would show.
        var recorded = new RecordedStamp(stamp, DateTimeOffset.UtcNow.AddMinutes(1));

        var load = new IncrementalLoader().Load(
            IncrementalLoader.List(content.Root), (_, _) => new StoredContent("stored-hash", MonographParser.ModelVersion, [], recorded));
        var document = Assert.Single(await load.Documents.ToListAsync());

        Assert.False(document.Read);
        Assert.Equal(("stored-hash", (Monograph?)null, (SourceStamp?)null), (document.ContentHash, document.Monograph, document.Stamp));
    }

    [Fact]
    public async Task Load_RecordedStampRacy_FileReadHashedAndStampedAgain()
    {
        using var content = new TempContent();
        var file = content.Write("compositions/alpha.md", "---\ntitle: Alpha\n---\nBody.\n");
        var stamp = new SourceStamp(ContentFolder.Open(content.Root).Stamp(file)!.Value, null);
        // Checked at the moment of the write: a change in the same tick after it would leave the stamp equal.
        var recorded = new RecordedStamp(stamp, RecordedStamp.FromUnixNanoseconds(stamp.Markdown.ChangedNs));

        var load = new IncrementalLoader().Load(
            IncrementalLoader.List(content.Root), (_, _) => new StoredContent("stored-hash", MonographParser.ModelVersion, [], recorded));
        var document = Assert.Single(await load.Documents.ToListAsync());

        Assert.True(document.Read);
        Assert.NotEqual("stored-hash", document.ContentHash);
        Assert.NotNull(document.Monograph);
        Assert.Equal(stamp, document.Stamp);
    }

    [Fact]
    public async Task Load_StampVouchesButParserVersionDiffers_FileReadAndParsed()
    {
        using var content = new TempContent();
        var file = content.Write("compositions/alpha.md", "---\ntitle: Alpha\n---\nBody.\n");
        var recorded = new RecordedStamp(new SourceStamp(ContentFolder.Open(content.Root).Stamp(file)!.Value, null), DateTimeOffset.UtcNow.AddMinutes(1));

        var load = new IncrementalLoader().Load(
            IncrementalLoader.List(content.Root), (_, _) => new StoredContent("stored-hash", MonographParser.ModelVersion - 1, [], recorded));
        var document = Assert.Single(await load.Documents.ToListAsync());

        Assert.True(document.Read);
        Assert.NotNull(document.Monograph);
    }

    private static string Stat(string format, string file)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", format, file]) { RedirectStandardOutput = true })!;
        var output = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return output;
    }
}
