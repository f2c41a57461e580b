using Formulary.Monographs.Loading;

namespace Formulary.Monographs.Tests.Loading;

/// <summary>
/// A listing's stamps (taken on every core for a large folder) and its digest, which says whether two listings decide
/// the same cross-document findings (issue 7.7: an import of the listing last imported, with no file changed, checks none).
/// </summary>
public sealed class ContentListingTests
{
    [Fact]
    public void StampAll_FolderLargeEnoughToSplit_EveryFileHasItsOwnStampAndARulesFileItsToo()
    {
        using var content = new TempContent();
        const int count = 5000;
        for (var i = 0; i < count; i++)
        {
            content.Write($"compositions/d{i:D5}.md", new string('x', i % 97));
        }

        content.Write("compositions/d00042.rules.yaml", "drug: d00042\n");
        var listing = IncrementalLoader.List(content.Root);

        listing.StampAll();

        var files = listing.Layout.Files;
        Assert.Equal(count, files.Count);
        var stamps = listing.Stamps!;
        for (var i = 0; i < count; i++)
        {
            var stamp = stamps[i]!;
            Assert.Equal((long)(i % 97), stamp.Markdown.Size);
            Assert.Equal(new FileInfo(files[i].Path).LastWriteTimeUtc, RecordedStamp.FromUnixNanoseconds(stamp.Markdown.ModifiedNs).UtcDateTime);
            Assert.Equal(i == 42, stamp.Rules is not null);
        }
    }

    [Fact]
    public void StampAll_Cancelled_LeavesNoStamps()
    {
        using var content = new TempContent();
        content.Write("compositions/alpha.md", "A");
        var listing = IncrementalLoader.List(content.Root);

        Assert.ThrowsAny<OperationCanceledException>(() => listing.StampAll(new CancellationToken(canceled: true)));
        Assert.Null(listing.Stamps);
    }

    [Fact]
    public void Digest_SameFilesWithOtherContent_Same()
    {
        using var content = new TempContent();
        content.Write("compositions/alpha.md", "one");
        var before = IncrementalLoader.List(content.Root).Digest;
        content.Write("compositions/alpha.md", "two, longer");

        Assert.Equal(before, IncrementalLoader.List(content.Root).Digest);
    }

    [Fact]
    public void Digest_FileAddedRemovedOrRenamedOrSlugClaimedTwice_Differs()
    {
        using var content = new TempContent();
        content.Write("compositions/alpha.md", "A");
        content.Write("medicines/brand-10.md", "B");
        var digests = new List<long> { IncrementalLoader.List(content.Root).Digest };
        content.Write("compositions/beta.md", "B");
        digests.Add(IncrementalLoader.List(content.Root).Digest);
        File.Move(Path.Combine(content.Root, "compositions", "beta.md"), Path.Combine(content.Root, "compositions", "gamma.md"));
        digests.Add(IncrementalLoader.List(content.Root).Digest);
        content.Write("compositions/sub/Gamma.md", "G");
        digests.Add(IncrementalLoader.List(content.Root).Digest);
        File.Delete(Path.Combine(content.Root, "compositions", "sub", "Gamma.md"));
        File.Delete(Path.Combine(content.Root, "compositions", "gamma.md"));

        Assert.Equal(digests[0], IncrementalLoader.List(content.Root).Digest);
        Assert.Equal(digests.Count, digests.Distinct().Count());
    }

    [Fact]
    public void Digest_OneFileOfAFolderAndTheFolder_Differ()
    {
        using var content = new TempContent();
        var alpha = content.Write("compositions/alpha.md", "A");
        content.Write("compositions/beta.md", "B");

        Assert.NotEqual(IncrementalLoader.List(content.Root).Digest, IncrementalLoader.List(alpha).Digest);
        Assert.NotEqual(IncrementalLoader.List(content.Root).Digest, IncrementalLoader.List(Path.Combine(content.Root, "compositions")).Digest);
    }

    /// <summary>A single file's listing knows the slugs beside it (for its link checks): a sibling added changes its digest.</summary>
    [Fact]
    public void Digest_OneFileWhoseSiblingAppears_Differs()
    {
        using var content = new TempContent();
        var brand = content.Write("medicines/brand-10.md", "B");
        var before = IncrementalLoader.List(brand).Digest;
        content.Write("compositions/alpha.md", "A");

        Assert.NotEqual(before, IncrementalLoader.List(brand).Digest);
    }
}
