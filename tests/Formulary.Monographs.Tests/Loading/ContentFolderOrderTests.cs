using Formulary.Monographs.Loading;

namespace Formulary.Monographs.Tests.Loading;

/// <summary>Files are listed in ordinal order of their whole paths, whatever order the walk meets them in.</summary>
public sealed class ContentFolderOrderTests
{
    [Fact]
    public void Files_FolderAndFileSharingANameStart_InOrdinalOrderOfTheWholePath()
    {
        using var content = new TempContent();
        // The walk meets folder "x" before file "x.md" (entries sorted by name), but "x.md" sorts first as a whole path ('.' < '/').
        var inFolder = content.Write("compositions/x/y.md", "---\ntitle: Y\n---\n");
        var file = content.Write("compositions/x.md", "---\ntitle: X\n---\n");
        var upper = content.Write("compositions/B.md", "---\ntitle: B\n---\n");
        var last = content.Write("compositions/z.md", "---\ntitle: Z\n---\n");

        var files = ContentFolder.Open(content.Root).Files(Path.Combine(content.Root, "compositions"), ".md", []);

        Assert.Equal([upper, file, inFolder, last], files);
    }

    [Fact]
    public void Files_PlainFolder_InOrdinalOrder()
    {
        using var content = new TempContent();
        var written = new[] { "b.md", "a.md", "a-b.md", "A.md", "a0.md" }.Select(name => content.Write("compositions/" + name, "---\ntitle: T\n---\n")).ToList();

        var files = ContentFolder.Open(content.Root).Files(Path.Combine(content.Root, "compositions"), ".md", []);

        Assert.Equal(written.Order(StringComparer.Ordinal), files);
    }
}
