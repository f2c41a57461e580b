using System.Diagnostics;
using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Loading;
using Formulary.Monographs.Model;
using Formulary.Monographs.Rules;

namespace Formulary.Monographs.Tests.Loading;

/// <summary>
/// Issue 12.2: only regular files under the content folder are read. Each case builds a real folder
/// with real links and special files; a FIFO would block a naive reader forever, so the loads run
/// under a time-out that fails the test instead of hanging it.
/// </summary>
public sealed class ContentFolderSafetyTests
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(30);

    [Fact]
    public void SymlinkToServerFile_InCollection_SkippedWithMono007AndNothingOfItPublished()
    {
        using var content = Seeded();
        using var outside = new TempContent();
        var secret = outside.Write("shadow", "root:$6$secret-hash:19000:0:99999:7:::\n");
        var link = Link(content, "compositions/shadow.md", secret);

        var set = Load(content.Root);

        Assert.Equal(["alpha"], set.Monographs.Select(m => m.Slug));
        Assert.Equal([(link, DiagnosticCodes.OutsideContentFolder.Code)], Codes(set, DiagnosticCodes.OutsideContentFolder));
        Assert.DoesNotContain(set.Monographs, m => m.Body.Contains("secret-hash", StringComparison.Ordinal));
    }

    [Fact]
    public void SymlinkedFolderOutside_InContent_SkippedWithMono007()
    {
        using var content = Seeded();
        using var outside = new TempContent();
        outside.Write("beta.md", "---\ntitle: Beta\n---\nBody.\n");
        var link = Link(content, "compositions/extra", outside.Root);

        var set = Load(content.Root);

        Assert.Equal(["alpha"], set.Monographs.Select(m => m.Slug));
        Assert.Equal([(link, DiagnosticCodes.OutsideContentFolder.Code)], Codes(set, DiagnosticCodes.OutsideContentFolder));
    }

    [Fact]
    public void SymlinkInside_ToAnotherContentFile_ReadAndLinkLoopWalkedOnce()
    {
        using var content = Seeded();
        content.Write("shared/beta-source.txt", "---\ntitle: Beta\n---\nBody.\n");
        Link(content, "compositions/beta.md", Path.Combine(content.Root, "shared/beta-source.txt"));
        Link(content, "compositions/loop", Path.Combine(content.Root, "compositions"));

        var set = Load(content.Root);

        Assert.Equal(["alpha", "beta"], set.Monographs.Select(m => m.Slug));
        Assert.Equal("Beta", set.Monographs[1].Title);
        Assert.DoesNotContain(set.AllDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Fifo_InCollection_SkippedWithMono008WithoutBlocking()
    {
        using var content = Seeded();
        var fifo = Path.Combine(content.Root, "compositions/pipe.md");
        MakeFifo(fifo);

        var set = Load(content.Root);

        Assert.Equal(["alpha"], set.Monographs.Select(m => m.Slug));
        Assert.Equal([(fifo, DiagnosticCodes.NotRegularFile.Code)], Codes(set, DiagnosticCodes.NotRegularFile));
    }

    [Fact]
    public void FifoRulesFile_BesideMonograph_Mono008WithoutBlocking()
    {
        using var content = Seeded();
        var fifo = Path.Combine(content.Root, "compositions/alpha.rules.yaml");
        MakeFifo(fifo);

        var set = Load(content.Root);
        var catalog = RunWithin(() => DrugProfileCatalog.Load(content.Root));

        Assert.Contains(set.CrossDocumentDiagnostics, d => d.Code == DiagnosticCodes.NotRegularFile.Code && d.File == fifo);
        Assert.Contains(catalog.Diagnostics, d => d.Code == DiagnosticCodes.NotRegularFile.Code && d.File == fifo);
    }

    [Fact]
    public void SymlinkToDevZero_SingleFile_RefusedNotGigabytes()
    {
        using var content = Seeded();
        var link = Link(content, "compositions/zero.md", "/dev/zero");

        var set = Load(link);

        var monograph = Assert.Single(set.Monographs);
        Assert.Equal([(1, 1)], monograph.Spans(DiagnosticCodes.OutsideContentFolder));
        Assert.Equal(("zero", string.Empty), (monograph.Slug, monograph.Body));
    }

    [Fact]
    public void Fifo_GivenAsTheFileToLoad_Mono008WithoutBlocking()
    {
        using var content = Seeded();
        var fifo = Path.Combine(content.Root, "compositions/pipe.md");
        MakeFifo(fifo);

        var monograph = Assert.Single(Load(fifo).Monographs);

        Assert.Equal([(1, 1)], monograph.Spans(DiagnosticCodes.NotRegularFile));
    }

    [Fact]
    public void SymlinkOutside_ReadDirectly_Mono007()
    {
        using var content = Seeded();
        using var outside = new TempContent();
        var link = Link(content, "compositions/passwd.md", outside.Write("passwd", "root:x:0:0\n"));

        var monograph = new ContentLoader().Read(Collection.Composition, link);

        Assert.Equal([(1, 1)], monograph.Spans(DiagnosticCodes.OutsideContentFolder));
        Assert.Equal(string.Empty, monograph.Body);
    }

    [Fact]
    public void PlainFileInALinkedFolderOutside_ReadThroughTheFolder_Mono007()
    {
        // A plain file is checked with one lstat and its folder's real path: the folder, not the file, is the link here.
        using var content = Seeded();
        using var outside = new TempContent();
        outside.Write("beta.md", "---\ntitle: Beta\n---\nsecret-body\n");
        Link(content, "compositions/extra", outside.Root);

        var read = ContentFolder.Open(content.Root).Read(Path.Combine(content.Root, "compositions", "extra", "beta.md"), 1024);

        Assert.Equal(DiagnosticCodes.OutsideContentFolder.Code, read.Problem?.Code);
        Assert.Empty(read.Bytes);
    }

    [Fact]
    public void FolderNamedLikeMonograph_Mono008AndItsFilesNotRead()
    {
        using var content = Seeded();
        content.Write("compositions/odd.md/inner.md", "---\ntitle: Inner\n---\nBody.\n");

        var set = Load(content.Root);

        Assert.Equal(["alpha"], set.Monographs.Select(m => m.Slug));
        Assert.Equal([(Path.Combine(content.Root, "compositions/odd.md"), DiagnosticCodes.NotRegularFile.Code)], Codes(set, DiagnosticCodes.NotRegularFile));
    }

    [Fact]
    public void ReportedSizeIsNotTrusted_ReadStopsOneBytePastTheLimit()
    {
        using var content = Seeded();
        var folder = ContentFolder.Open(content.Root);
        var path = content.Write("compositions/big.md", new byte[5000]);

        var read = folder.Read(path, maxBytes: 1000);
        var whole = folder.Read(path, maxBytes: 5000);

        Assert.Equal((1001, true), (read.Bytes.Length, read.TooLarge));
        Assert.Equal((5000, false), (whole.Bytes.Length, whole.TooLarge));
    }

    private static TempContent Seeded()
    {
        var content = new TempContent();
        content.Write("compositions/alpha.md", "---\ntitle: Alpha\n---\nBody.\n");
        return content;
    }

    private static ContentSet Load(string path) => RunWithin(() => new ContentLoader().Load(path));

    private static T RunWithin<T>(Func<T> work)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(NoHang), "the load blocked (a FIFO or device was opened)");
        return task.Result;
    }

    private static List<(string File, string Code)> Codes(ContentSet set, DiagnosticDescriptor descriptor) =>
        [.. set.AllDiagnostics.Where(d => d.Code == descriptor.Code).Select(d => (d.File, d.Code))];

    private static string Link(TempContent content, string relative, string target)
    {
        var path = Path.Combine(content.Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (Directory.Exists(target))
        {
            Directory.CreateSymbolicLink(path, target);
        }
        else
        {
            File.CreateSymbolicLink(path, target);
        }

        return path;
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
