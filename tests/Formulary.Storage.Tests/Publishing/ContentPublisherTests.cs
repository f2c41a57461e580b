using Formulary.Monographs;
using Formulary.Storage.Publishing;
using Formulary.Storage.Tests.Sqlite;

namespace Formulary.Storage.Tests.Publishing;

/// <summary>The one publication pipeline, over real files and a real SQLite store.</summary>
public sealed class ContentPublisherTests : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("formulary-publish-").FullName;
    private IMonographStore store = null!;

    public Task InitializeAsync()
    {
        store = SqliteStores.Create(TimeProvider.System);
        Directory.CreateDirectory(Path.Combine(root, "compositions"));
        Directory.CreateDirectory(Path.Combine(root, "medicines"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    private void Write(string relative, string text) => File.WriteAllText(Path.Combine(root, relative), text);

    [Fact]
    public async Task Publish_UnchangedFolder_ParsesNothingAndWritesNothing()
    {
        Write("compositions/alpha.md", "---\ntitle: Alpha\n---\n## Usage\nA.\n");
        Write("compositions/beta.md", "---\ntitle: Beta\n---\n## Usage\nB.\n");
        var first = await ContentPublisher.PublishAsync(store, root, PublishOptions.Incremental);
        Write("compositions/beta.md", "---\ntitle: Beta\n---\n## Usage\nB, changed.\n");

        var second = await ContentPublisher.PublishAsync(store, root, PublishOptions.Incremental);
        var third = await ContentPublisher.PublishAsync(store, root, PublishOptions.Incremental);

        Assert.Equal((2, 2), (first.Parsed, first.Import!.Added));
        Assert.Equal((1, 1, 1), (second.Parsed, second.Import!.Changed, second.Import.Unchanged));
        Assert.Equal((0, 2, false), (third.Parsed, third.Import!.Unchanged, third.Import.ChangedStore));
    }

    [Fact]
    public async Task Publish_PruneRefused_ParsesNothingAndWritesNothing()
    {
        Write("compositions/alpha.md", "---\ntitle: Alpha\n---\n## Usage\nA.\n");
        Write("compositions/beta.md", "---\ntitle: Beta\n---\n## Usage\nB.\n");
        await ContentPublisher.PublishAsync(store, root, PublishOptions.Incremental);
        var generation = await store.GetGenerationAsync();
        File.Delete(Path.Combine(root, "compositions", "beta.md"));
        Write("compositions/alpha.md", "---\ntitle: Alpha\n---\n## Usage\nA, changed.\n");

        var report = await ContentPublisher.PublishAsync(store, root, new PublishOptions(Prune: true, Force: false));

        Assert.NotNull(report.PruneRefusal);
        Assert.Equal((1, 0), (report.Files, report.Parsed));
        Assert.Null(report.Import);
        Assert.Equal(generation, await store.GetGenerationAsync());
        Assert.Equal(1, (await store.GetAsync(Collection.Composition, "alpha"))!.Version.Number);
    }

    /// <summary>
    /// A stray file whose name normalizes to a published slug (a trailing space, a capital) never replaces the document: it
    /// is refused with MONO041, wherever it sorts, and the published version stays.
    /// </summary>
    [Theory]
    [InlineData("compositions/alpha .md")]
    [InlineData("compositions/Alpha.md")]
    public async Task Publish_StrayFileNormalizingToAPublishedSlug_PublishedDocumentKept(string stray)
    {
        Write("compositions/alpha.md", "---\ntitle: Alpha\n---\n## Usage\nA.\n");
        Write("compositions/beta.md", "---\ntitle: Beta\n---\n## Usage\nB.\n");
        await ContentPublisher.PublishAsync(store, root, PublishOptions.Incremental);
        Write(stray, "---\ntitle: Old draft\n---\n## Usage\nDraft.\n");

        var report = await ContentPublisher.PublishAsync(store, root, new PublishOptions(Prune: true, Force: false));

        var refused = Assert.Single(report.Import!.Documents, d => d.Outcome == Importing.ImportOutcome.Failed);
        Assert.Equal(stray, refused.SourcePath);
        Assert.Contains(refused.Diagnostics, d => (d.Code, d.Line, d.Column) == ("MONO041", 1, 1));
        Assert.Contains(refused.Diagnostics, d => d.Code == "MONO006");
        var alpha = (await store.GetAsync(Collection.Composition, "alpha"))!;
        Assert.Equal((1, "Alpha", "compositions/alpha.md"), (alpha.Version.Number, alpha.Monograph.Title, alpha.Version.SourcePath));
        Assert.Equal(2, (await store.ListAsync()).Count);
    }

    /// <summary>Two files that both needed normalizing: the one the store publishes the slug from keeps it, though the other sorts first.</summary>
    [Fact]
    public async Task Publish_TwoNormalizedNamesOneSlug_StoredSourcePathKept()
    {
        Write("compositions/alpha .md", "---\ntitle: Alpha\n---\n## Usage\nA.\n");
        await ContentPublisher.PublishAsync(store, root, PublishOptions.Incremental);
        Write("compositions/Alpha.md", "---\ntitle: Stray\n---\n## Usage\nS.\n");

        var report = await ContentPublisher.PublishAsync(store, root, PublishOptions.Incremental);

        Assert.Equal("compositions/Alpha.md", Assert.Single(report.Import!.Documents, d => d.Outcome == Importing.ImportOutcome.Failed).SourcePath);
        var alpha = (await store.GetAsync(Collection.Composition, "alpha"))!;
        Assert.Equal((1, "Alpha"), (alpha.Version.Number, alpha.Monograph.Title));
    }

    /// <summary>
    /// A file that is there but cannot be read (a link leading outside the folder, a dangling link, a folder in its place)
    /// keeps its stored version, like an empty one: reported failed, never pruned.
    /// </summary>
    [Theory]
    [InlineData("outside")]
    [InlineData("dangling")]
    [InlineData("folder")]
    public async Task Publish_PruneWhenFileBecameUnreadable_StoredVersionKept(string how)
    {
        Write("compositions/alpha.md", "---\ntitle: Alpha\n---\n## Usage\nA.\n");
        Write("compositions/beta.md", "---\ntitle: Beta\n---\n## Usage\nB.\n");
        await ContentPublisher.PublishAsync(store, root, PublishOptions.Incremental);
        var alpha = Path.Combine(root, "compositions", "alpha.md");
        var outside = Path.Combine(Directory.CreateTempSubdirectory("formulary-outside-").FullName, "alpha.md");
        File.Move(alpha, outside);
        switch (how)
        {
            case "outside":
                File.CreateSymbolicLink(alpha, outside);
                break;
            case "dangling":
                File.CreateSymbolicLink(alpha, Path.Combine(root, "compositions", "nowhere.md"));
                break;
            default:
                Directory.CreateDirectory(alpha);
                break;
        }

        var report = await ContentPublisher.PublishAsync(store, root, new PublishOptions(Prune: true, Force: false));

        Assert.Null(report.PruneRefusal);
        Assert.Equal(0, report.Import!.Removed);
        var kept = Assert.Single(report.Import.Documents, d => d.Outcome == Importing.ImportOutcome.Failed);
        Assert.Equal(("alpha", "compositions/alpha.md", 1), (kept.Slug, kept.SourcePath, kept.Version));
        Assert.Contains(report.LooseDiagnostics, d => d.File == "compositions/alpha.md" && d.Code is "MONO005" or "MONO007" or "MONO008");
        Assert.Equal(1, (await store.GetAsync(Collection.Composition, "alpha"))!.Version.Number);
    }

    [Fact]
    public async Task Publish_LinkTargetAddedLater_UnchangedBrandLosesItsBrokenLinkError()
    {
        Write("medicines/brandx.md", "---\ntitle: BrandX\ngeneric_slug: gamma\n---\n## Usage\nGamma inside.\n");
        var before = await ContentPublisher.PublishAsync(store, root, PublishOptions.Incremental);
        Write("compositions/gamma.md", "---\ntitle: Gamma\n---\n## Usage\nG.\n");

        var after = await ContentPublisher.PublishAsync(store, root, PublishOptions.Incremental);

        Assert.Contains(before.Import!.Documents.Single().Diagnostics, d => d.Code == "MONO040");
        Assert.Equal(1, after.Parsed); // only gamma; the brand's links came from the store
        Assert.Equal(1, after.Import!.Reparsed);
        var brand = await store.GetAsync(Collection.Medicine, "brandx");
        Assert.DoesNotContain(brand!.Monograph.Diagnostics, d => d.Code == "MONO040");
        Assert.Equal(1, brand.Version.Number);
    }

    [Fact]
    public async Task Publish_RulesFileChanged_IsANewVersionWithTheRulesDiffed()
    {
        var monograph = File.ReadAllText(Path.Combine(RepoPaths.Content, "compositions", "clofarabine.md"));
        var rules = File.ReadAllText(Path.Combine(RepoPaths.Content, "compositions", "clofarabine.rules.yaml"));
        Write("compositions/clofarabine.md", monograph);
        Write("compositions/clofarabine.rules.yaml", rules);
        await ContentPublisher.PublishAsync(store, root, PublishOptions.Incremental);
        Write("compositions/clofarabine.rules.yaml", rules.Replace("after at least two prior regimens.\"", "after at least three prior regimens.\"", StringComparison.Ordinal));

        var report = await ContentPublisher.PublishAsync(store, root, PublishOptions.Incremental);

        var document = Assert.Single(report.Import!.Documents);
        Assert.Equal((Storage.Importing.ImportOutcome.Changed, 2), (document.Outcome, document.Version));
        Assert.Contains(document.Diagnostics, d => d.Code == "RULE001");
        var stored = await store.GetAsync(Collection.Composition, "clofarabine");
        Assert.Contains("three prior regimens", stored!.Rules!.Text, StringComparison.Ordinal);
        var diff = await store.DiffAsync(Collection.Composition, "clofarabine", 1, 2);
        Assert.Contains(diff!.Lines, l => l.Kind == Versions.DiffLineKind.Added && l.Text.Contains("three prior regimens", StringComparison.Ordinal));
    }
}
