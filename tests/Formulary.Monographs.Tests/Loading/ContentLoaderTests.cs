using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Loading;
using Formulary.Monographs.Model;

namespace Formulary.Monographs.Tests.Loading;

public sealed class ContentLoaderTests
{
    [Fact]
    public void MarkdownOutsideTheCollectionFolders_IsReportedAsNotPublished_AndTheRestLoads()
    {
        using var content = new TempContent();
        content.Write("compositions/alpha.md", "---\ntitle: Alpha\n---\nBody.\n");
        var atTop = content.Write("beta.md", "---\ntitle: Beta\n---\nBody.\n");
        var singular = content.Write("composition/gamma.md", "---\ntitle: Gamma\n---\nBody.\n");
        var capital = content.Write("Compositions/delta.md", "---\ntitle: Delta\n---\nBody.\n");
        content.Write("README.md", "How this folder is laid out.\n");
        content.Write(".git/notes.md", "not content\n");
        content.Write("compositions/notes.txt", "not Markdown\n");

        var set = new ContentLoader().Load(content.Root);

        Assert.Equal(["alpha"], set.Monographs.Select(m => m.Slug));
        var outside = set.CrossDocumentDiagnostics.Where(d => d.Code == "MONO043").ToList();
        Assert.Equal([capital, atTop, singular], outside.Select(d => d.File));
        Assert.All(outside, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains("'composition/gamma.md' is not in a collection folder, so it is not published: move it into compositions/, combinations/, medicines/", outside[2].Message, StringComparison.Ordinal);

        // Reported, but not an unread entry of a collection: those keep stored documents from removal and make every import
        // read the stored state, which a note at the top of the folder must not do.
        var layout = ContentLayout.Of(content.Root);
        Assert.Empty(layout.Skipped);
        Assert.Equal(3, layout.Misplaced.Count);
    }

    [Fact]
    public void ContentFolder_ThreeCollections_AllLoadedWithCollections()
    {
        using var content = new TempContent();
        content.Write("compositions/alpha.md", "---\ntitle: Alpha\n---\nBody.\n");
        content.Write("combinations/alpha-beta.md", "---\ntitle: Alpha + Beta\ningredients:\n  - generic_slug: alpha\n    strength: 5 mg\n---\nBody.\n");
        content.Write("medicines/brandx.md", "---\ntitle: BrandX\ngeneric_slug: alpha\n---\nBody.\n");

        var set = new ContentLoader().Load(content.Root);

        Assert.Equal([(Collection.Composition, "alpha"), (Collection.Combination, "alpha-beta"), (Collection.Medicine, "brandx")],
            set.Monographs.Select(m => (m.Collection, m.Slug)));
        Assert.Empty(set.CrossDocumentDiagnostics);
        Assert.Equal(["brandx"], set.LinkingTo(Collection.Composition, "alpha").Where(m => m.Collection == Collection.Medicine).Select(m => m.Slug));
        Assert.NotNull(set.Find(Collection.Combination, "alpha-beta"));
    }

    [Fact]
    public void BrokenLinks_BrandAndIngredient_Mono040AtValue()
    {
        using var content = new TempContent();
        content.Write("compositions/alpha.md", "---\ntitle: Alpha\n---\nBody.\n");
        var combination = content.Write("combinations/alpha-gamma.md", "---\ntitle: A+G\ningredients:\n  - generic_slug: alpha\n  - generic_slug: gamma\n---\nBody.\n");
        var brand = content.Write("medicines/brandy.md", "---\ntitle: Brandy\ntype: combination\ncombination_slug: alpha-beta\n---\nBody.\n");

        var set = new ContentLoader().Load(content.Root);

        Assert.Equal([(combination, 5, 19), (brand, 4, 19)],
            set.CrossDocumentDiagnostics.Where(d => d.Code == DiagnosticCodes.BrokenLink.Code).Select(d => (d.File, d.Line, d.Column)));
    }

    [Fact]
    public void DuplicateSlug_SameNameInSubfolder_Mono041OnSecondFile()
    {
        using var content = new TempContent();
        content.Write("compositions/alpha.md", "---\ntitle: Alpha\n---\nBody.\n");
        var second = content.Write("compositions/old/alpha.md", "---\ntitle: Alpha (old)\n---\nBody.\n");

        var set = new ContentLoader().Load(content.Root);

        var diagnostic = Assert.Single(set.CrossDocumentDiagnostics, d => d.Code == DiagnosticCodes.DuplicateSlug.Code);
        Assert.Equal((second, 1, 1), (diagnostic.File, diagnostic.Line, diagnostic.Column));
    }

    /// <summary>Lint keeps the file named as the slug, whichever sorts first (' ' sorts before '-').</summary>
    [Fact]
    public void DuplicateSlug_NormalizedNameSortsFirst_Mono041OnTheNormalizedOne()
    {
        using var content = new TempContent();
        var stray = content.Write("compositions/with space.md", "---\ntitle: Stray\n---\nBody.\n");
        content.Write("compositions/with-space.md", "---\ntitle: Real\n---\nBody.\n");

        var set = new ContentLoader().Load(content.Root);

        var diagnostic = Assert.Single(set.CrossDocumentDiagnostics, d => d.Code == DiagnosticCodes.DuplicateSlug.Code);
        Assert.Equal((stray, 1, 1), (diagnostic.File, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void SingleMedicineFile_ChecksLinksAgainstSiblingFolders()
    {
        using var content = new TempContent();
        content.Write("compositions/alpha.md", "---\ntitle: Alpha\n---\nBody.\n");
        var good = content.Write("medicines/good.md", "---\ntitle: Good\ngeneric_slug: alpha\n---\nBody.\n");
        var bad = content.Write("medicines/bad.md", "---\ntitle: Bad\ngeneric_slug: beta\n---\nBody.\n");

        Assert.Empty(new ContentLoader().Load(good).CrossDocumentDiagnostics);
        var set = new ContentLoader().Load(bad);
        Assert.Equal(Collection.Medicine, Assert.Single(set.Monographs).Collection);
        Assert.Equal([(3, 15)], set.CrossDocumentDiagnostics.Where(d => d.Code == DiagnosticCodes.BrokenLink.Code).Select(d => (d.Line, d.Column)));
    }

    [Fact]
    public void LooseFolder_ReadAsCompositions_OneBadFileDoesNotStopOthers()
    {
        using var content = new TempContent();
        content.Write("a.md", "---\ntitle: A\n---\nBody.\n");
        content.Write("b.md", [0x00, 0x01, 0x02]);
        content.Write("c.md", "---\ntitle: C\n---\nBody.\n");
        var reports = new List<LoadProgress>();

        // The loader parses in parallel: reports come from several threads, each count once, in any order.
        var set = new ContentLoader().Load(content.Root, new SynchronousProgress<LoadProgress>(r =>
        {
            lock (reports)
            {
                reports.Add(r);
            }
        }));

        Assert.Equal(["a", "b", "c"], set.Monographs.Select(m => m.Slug));
        Assert.All(set.Monographs, m => Assert.Equal(Collection.Composition, m.Collection));
        Assert.Contains(set.Monographs[1].Diagnostics, d => d.Code == DiagnosticCodes.BinaryFile.Code);
        Assert.Equal([1, 2, 3], reports.Select(r => r.Done).Order());
        Assert.All(reports, r => Assert.Equal(3, r.Total));
    }

    [Fact]
    public void FiftyMegabyteFile_OnDisk_Mono001AndHashOfTheBytesReadUpToTheLimitPlusOne()
    {
        using var content = new TempContent();
        var bytes = new byte[50 * 1024 * 1024];
        Array.Fill(bytes, (byte)'x');
        var path = content.Write("compositions/huge.md", bytes);

        var monograph = Assert.Single(new ContentLoader().Load(content.Root).Monographs);

        Assert.Equal([(1, 1)], monograph.Spans(DiagnosticCodes.FileTooLarge));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(0, (2 * 1024 * 1024) + 1))), monograph.ContentHash);
        Assert.Equal("huge", monograph.Slug);
        Assert.Equal(path, monograph.SourcePath);
    }

    [Fact]
    public void MissingFile_Read_Mono005()
    {
        using var content = new TempContent();
        var monograph = new ContentLoader().Read(Collection.Composition, Path.Combine(content.Root, "gone.md"));
        Assert.Equal([(1, 1)], monograph.Spans(DiagnosticCodes.UnreadableFile));
    }

    [Fact]
    public void BundledContent_NoErrors()
    {
        var set = new ContentLoader().Load(RepoPaths.Content);
        Assert.Contains(set.Monographs, m => m.Slug == "clofarabine");
        Assert.DoesNotContain(set.AllDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }
}
