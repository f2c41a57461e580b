using System.Globalization;
using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Loading;
using Formulary.Monographs.Parsing;

namespace Formulary.Monographs.Tests.Loading;

/// <summary>The publication's load: documents streamed in layout order, each with its cross-document findings, never far ahead of the caller.</summary>
public sealed class IncrementalLoaderTests
{
    [Fact]
    public async Task Load_CallerHoldsTheFirstDocument_ReadsAtMostReadAheadMoreThenTheRestInOrder()
    {
        const int Files = 300;
        using var content = new TempContent();
        for (var i = 0; i < Files; i++)
        {
            content.Write(string.Create(CultureInfo.InvariantCulture, $"compositions/drug{i:D3}.md"), $"---\ntitle: Drug {i}\n---\n## Usage\nText.\n");
        }

        var asked = 0;
        var load = new IncrementalLoader().Load(IncrementalLoader.List(content.Root), (_, _) =>
        {
            Interlocked.Increment(ref asked);
            return null;
        });
        await using var documents = load.Documents.GetAsyncEnumerator();
        Assert.True(await documents.MoveNextAsync());
        // The store is asked about each file as it is read; wait until the read-ahead has filled, and a little longer.
        for (var waited = 0; Volatile.Read(ref asked) < IncrementalLoader.ReadAhead && waited < 100; waited++)
        {
            await Task.Delay(50);
        }

        await Task.Delay(300);
        var readWhileHeld = Volatile.Read(ref asked);
        var slugs = new List<string> { documents.Current.Slug };
        while (await documents.MoveNextAsync())
        {
            slugs.Add(documents.Current.Slug);
        }

        // One handed out, ReadAhead waiting in the window, one more read and waiting for room.
        Assert.InRange(readWhileHeld, IncrementalLoader.ReadAhead, IncrementalLoader.ReadAhead + 2);
        Assert.Equal(Enumerable.Range(0, Files).Select(i => string.Create(CultureInfo.InvariantCulture, $"drug{i:D3}")), slugs);
        Assert.Equal(Files, load.Keys.Count);
    }

    [Fact]
    public async Task Load_DuplicateSlugAndBrokenLink_EachDocumentCarriesItsOwnFindings()
    {
        using var content = new TempContent();
        // Alpha.md normalizes to the slug alpha.md is named: the exactly named file keeps it, though it sorts second.
        var upper = content.Write("compositions/Alpha.md", "---\ntitle: Alpha\n---\nBody.\n");
        content.Write("compositions/alpha.md", "---\ntitle: alpha\n---\nBody.\n");
        content.Write("medicines/brandx.md", "---\ntitle: BrandX\ngeneric_slug: alpha\n---\nBody.\n");
        var brand = content.Write("medicines/brandy.md", "---\ntitle: BrandY\ngeneric_slug: gamma\n---\nBody.\n");

        var load = new IncrementalLoader().Load(IncrementalLoader.List(content.Root), (_, _) => null);
        var documents = await load.Documents.ToListAsync();

        Assert.Equal(["alpha", "alpha", "brandx", "brandy"], documents.Select(d => d.Slug));
        Assert.Equal(
            [(upper, DiagnosticCodes.DuplicateSlug.Code, 1, 1), (brand, DiagnosticCodes.BrokenLink.Code, 3, 15)],
            documents.SelectMany(d => d.CrossDiagnostics).Select(d => (d.File, d.Code, d.Line, d.Column)));
        Assert.All(documents, d => Assert.All(d.CrossDiagnostics, c => Assert.Equal(d.SourcePath, c.File)));
    }

    /// <summary>
    /// Several files claim one slug: the one named as the slug is kept; among files that all needed normalizing, the one
    /// the store publishes the slug from now, else the first in ordinal order. Every other one gets MONO041 at (1,1).
    /// </summary>
    [Theory]
    [InlineData(new[] { "alpha .md", "alpha.md" }, null, "alpha .md")]
    [InlineData(new[] { "Alpha.md", "alpha .md" }, null, "alpha .md")]
    [InlineData(new[] { "Alpha.md", "alpha .md" }, "compositions/alpha .md", "Alpha.md")]
    [InlineData(new[] { "Alpha.md", "alpha .md" }, "compositions/Alpha.md", "alpha .md")]
    [InlineData(new[] { "Alpha.md", "alpha .md", "alpha.md" }, "compositions/alpha .md", "Alpha.md,alpha .md")]
    [InlineData(new[] { "alpha.md", "old/alpha.md" }, "compositions/old/alpha.md", "alpha.md")]
    public async Task Load_SeveralFilesClaimOneSlug_NamedAsTheSlugThenStoredPathKept(string[] names, string? storedPath, string refused)
    {
        using var content = new TempContent();
        foreach (var name in names)
        {
            content.Write("compositions/" + name, "---\ntitle: Alpha\n---\nBody.\n");
        }

        StoredContent? Stored(Collection collection, string slug) =>
            storedPath is null ? null : new StoredContent("hash", MonographParser.ModelVersion, []) { SourcePath = storedPath };
        var load = new IncrementalLoader().Load(IncrementalLoader.List(content.Root), Stored);
        var documents = await load.Documents.ToListAsync();

        var duplicates = documents.SelectMany(d => d.CrossDiagnostics).Where(d => d.Code == DiagnosticCodes.DuplicateSlug.Code).ToList();
        Assert.Equal(
            refused.Split(',').Select(name => Path.Combine(content.Root, "compositions", name)).Order(StringComparer.Ordinal),
            duplicates.Select(d => d.File).Order(StringComparer.Ordinal));
        Assert.All(duplicates, d => Assert.Equal((1, 1), (d.Line, d.Column)));
    }

    [Fact]
    public async Task Load_EnumerationCancelled_StopsWithoutReadingTheRest()
    {
        using var content = new TempContent();
        for (var i = 0; i < 200; i++)
        {
            content.Write(string.Create(CultureInfo.InvariantCulture, $"compositions/drug{i:D3}.md"), "---\ntitle: Drug\n---\nBody.\n");
        }

        using var cancel = new CancellationTokenSource();
        var load = new IncrementalLoader().Load(IncrementalLoader.List(content.Root), (_, _) => null);
        var taken = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in load.Documents.WithCancellation(cancel.Token))
            {
                if (++taken == 3)
                {
                    await cancel.CancelAsync();
                }
            }
        });
        Assert.Equal(3, taken);
    }
}
