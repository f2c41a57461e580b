using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing;
using Formulary.Monographs;
using Formulary.Monographs.Loading;
using Formulary.Monographs.Rendering;
using Formulary.Storage.Importing;
using Formulary.Storage.Listing;
using Formulary.Storage.Publishing;
using Formulary.Storage.Search;
using Formulary.Storage.Versions;
using static Formulary.Storage.Tests.TestMonographs;

namespace Formulary.Storage.Tests;

/// <summary>
/// The behaviour every <see cref="IMonographStore"/> must have: importing and versions. Run against
/// SQLite and PostgreSQL by the subclasses; search is in <see cref="SearchContractTests"/>.
/// </summary>
public abstract class StoreContractTests : StoreTests
{
    [SkippableFact]
    public async Task CheckHealth_EmptyStore_NotReadyNamingTheReasonThenReadyAfterImport()
    {
        var empty = await Store.CheckHealthAsync(integrity: true);
        await Store.ImportAsync([Composition("clofarabine", "Clofarabine", "## Usage\nLeukemia.")], ImportOptions.WholeContentSet);
        var filled = await Store.CheckHealthAsync(integrity: true);

        Assert.False(empty.Ready);
        Assert.Equal("the store holds no published document", empty.Problem); // said to probes: no path, no host
        Assert.StartsWith("the store at ", empty.Detail, StringComparison.Ordinal); // for the log
        Assert.Equal(Health.StoreHealth.Healthy, filled);
        Assert.Equal(Health.StoreHealth.Healthy, await Store.CheckHealthAsync(integrity: false));
    }

    [SkippableFact]
    public async Task Import_NewDocuments_AddsVersionOneStampedWithInjectedTime()
    {
        var report = await Store.ImportAsync([Composition("clofarabine", "Clofarabine", "## Usage\nLeukemia.")], ImportOptions.WholeContentSet);

        Assert.Equal((1, 0, 0, 0), (report.Added, report.Changed, report.Unchanged, report.Failed));
        var stored = await Store.GetAsync(Collection.Composition, "clofarabine");
        Assert.NotNull(stored);
        Assert.Equal(1, stored.Version.Number);
        Assert.True(stored.Version.IsLatest);
        Assert.Equal(Time.GetUtcNow(), stored.Version.ImportedAt);
    }

    [SkippableFact]
    public async Task Import_SameContentAgain_ReportsUnchangedAndWritesNothing()
    {
        var document = Composition("clofarabine", "Clofarabine", "## Usage\nLeukemia.");
        await Store.ImportAsync([document], ImportOptions.WholeContentSet);
        var firstImport = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromDays(1));

        var report = await Store.ImportAsync([document], ImportOptions.WholeContentSet);

        Assert.Equal((0, 0, 1), (report.Added, report.Changed, report.Unchanged));
        Assert.False(report.ChangedStore);
        var versions = await Store.ListVersionsAsync(Collection.Composition, "clofarabine");
        Assert.Equal(firstImport, Assert.Single(versions).ImportedAt);
    }

    [SkippableFact]
    public async Task Import_VersionWithErrorsOfItsOwn_IsKeptRejectedAndPublishedVersionStays()
    {
        await Store.ImportAsync([Composition("clofarabine", "Clofarabine", "## Usage\nGood text.")], ImportOptions.WholeContentSet);
        var broken = TestMonographs.Document(Collection.Composition, "clofarabine", "clofarabine", "## Usage\nBroken text.", new FrontMatter(), [],
            [new Diagnostic("MONO012", DiagnosticSeverity.Error, "content/compositions/clofarabine.md", 2, 7, "unclosed quote")]);
        var before = await Store.GetGenerationAsync();

        var report = await Store.ImportAsync([broken], ImportOptions.WholeContentSet);
        var again = await Store.ImportAsync([broken], ImportOptions.WholeContentSet);

        Assert.Equal((1, 2), (report.Rejected, Assert.Single(report.Documents).Version));
        Assert.True(report.ChangedStore);
        Assert.True(report.Generation > before);
        Assert.Equal((1, false), (again.Rejected, again.ChangedStore));
        var published = await Store.GetAsync(Collection.Composition, "clofarabine");
        Assert.Equal(("Clofarabine", 1), (published!.Monograph.Title, published.Version.Number));
        Assert.Equal([(1, false, true), (2, true, false)], (await Store.ListVersionsAsync(Collection.Composition, "clofarabine")).Select(v => (v.Number, v.IsRejected, v.IsLatest)));
        Assert.Equal("MONO012", Assert.Single((await Store.GetVersionAsync(Collection.Composition, "clofarabine", 2))!.Monograph.Diagnostics).Code);
        Assert.Equal(1, Assert.Single(await Store.ListAsync()).Version);
        Assert.Empty((await Store.SearchAsync("broken", 10, 0)).Hits);
    }

    [SkippableFact]
    public async Task BeginImport_StoredState_ReadsBackEveryValueAsWritten()
    {
        // The state is read as one JSON array per document built by the database: text that needs escaping, numbers
        // beyond a double's 53 bits, nulls, both stores' booleans and the links as a nested array must all come back.
        const string title = "Ünïcode \"quoted\" back\\slash 🧪\ttab + <b>";
        var stamp = new SourceStamp(new FileStamp(1838, 1796096554713781726, 1796096554713781727, 9007199254740993), new FileStamp(12, 1, 2, 3));
        var combination = Combination("a-b", title, "## Usage\nX.", "a", "b");
        IReadOnlyList<MonographLink> links = [new MonographLink(Collection.Composition, "a", "ingredients", 9, 19), new MonographLink(Collection.Composition, "b", "ingredients", 11, 19)];
        combination = combination with { Monograph = combination.Monograph with { Links = links } };
        var broken = TestMonographs.Document(Collection.Composition, "broken", "Broken", "## Usage\nB.", new FrontMatter(), [],
            [new Diagnostic("MONO012", DiagnosticSeverity.Error, "content/compositions/broken.md", 2, 7, "unclosed quote")]);
        await Store.ImportAsync([combination with { Stamp = stamp }, Composition("gone", "Gone", "## Usage\nG."), broken], ImportOptions.WholeContentSet);
        var imported = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromDays(1));
        // A listing's digest recorded (as a publication records it): the next import reads the heads too.
        await Store.ImportAsync([combination with { Stamp = stamp }, broken], ImportOptions.WholeContentSet with { ListingDigest = long.MinValue });

        await using var session = await Store.BeginImportAsync();
        var heads = (await session.ReadHeadsAsync())!;
        var stored = await session.ReadStoredAsync();
        var state = stored[(Collection.Combination, "a-b")];
        var gone = stored[(Collection.Composition, "gone")];
        var rejected = stored[(Collection.Composition, "broken")];

        Assert.Equal((Collection.Combination, "a-b", title, combination.ContentHash, "content/combinations/a-b.md"), (state.Collection, state.Slug, state.Title, state.ContentHash, state.SourcePath));
        Assert.Equal((1, 1, false, false, imported), (state.PublishedVersion, state.HeadVersion, state.HeadRejected, state.IsRemoved, state.ImportedAt));
        Assert.Equal(links, state.Links);
        Assert.Equal(stamp, state.Stamp?.Stamp);
        Assert.Equal((true, null, 0), (gone.IsRemoved, gone.Stamp, gone.Links.Count));
        Assert.Equal((true, 0), (rejected.HeadRejected, rejected.PublishedVersion));
        Assert.Equal(
            [new StoredHead(Collection.Composition, "broken", 1, true, 0, false, MonographParser.ModelVersion, null),
             new StoredHead(Collection.Composition, "gone", 1, false, 1, true, MonographParser.ModelVersion, null),
             new StoredHead(Collection.Combination, "a-b", 1, false, 1, false, MonographParser.ModelVersion, state.Stamp)],
            heads.Values.OrderBy(h => h.Collection).ThenBy(h => h.Slug, StringComparer.Ordinal));
        Assert.Equal(stamp, heads[(Collection.Combination, "a-b")].Stamp?.Stamp);
        Assert.Equal(long.MinValue, session.ListingDigest);
        Assert.Equal(
            heads.Values.OrderBy(h => h.Collection).ThenBy(h => h.Slug, StringComparer.Ordinal),
            stored.Values.Select(v => new StoredHead(v.Collection, v.Slug, v.HeadVersion, v.HeadRejected, v.PublishedVersion, v.IsRemoved, v.ModelVersion, v.Stamp))
                .OrderBy(h => h.Collection).ThenBy(h => h.Slug, StringComparer.Ordinal));
    }

    /// <summary>A store that recorded no listing (new, upgraded, or written to without one) gives no heads: no import can be confirmed.</summary>
    [SkippableFact]
    public async Task BeginImport_NoListingRecordedOrForgotten_NoHeads()
    {
        await Store.ImportAsync([Composition("alpha", "Alpha", "## Usage\nA.")], ImportOptions.WholeContentSet with { ListingDigest = 7 });
        await using (var recorded = await Store.BeginImportAsync())
        {
            Assert.Equal((7L, 1), (recorded.ListingDigest, (await recorded.ReadHeadsAsync())?.Count));
        }

        await Store.ImportAsync([Composition("beta", "Beta", "## Usage\nB.")], ImportOptions.Partial);
        await using var forgotten = await Store.BeginImportAsync();

        Assert.Equal((null, null), (forgotten.ListingDigest, await forgotten.ReadHeadsAsync()));
    }

    /// <summary>
    /// Issue 7.7: a publication hands its documents to the session one at a time as it reads them; what it wrote
    /// stays invisible until the commit, and a session dropped before it (a failure, a kill) leaves the store as it was.
    /// </summary>
    [SkippableFact]
    public async Task ImportSession_DocumentsHandedOverOneByOne_InvisibleUntilCompleteAndGoneWithoutIt()
    {
        await Store.ImportAsync([Composition("old", "Old", "## Usage\nO.")], ImportOptions.WholeContentSet);
        var generation = await Store.GetGenerationAsync();
        await using (var dropped = await Store.BeginImportAsync())
        {
            await dropped.WriteAsync(Composition("dropped", "Dropped", "## Usage\nD."));
        }

        await using var session = await Store.BeginImportAsync();
        var added = await session.WriteAsync(Composition("first", "First", "## Usage\nA."));
        var whileWriting = (await Store.ListAsync()).Select(s => s.Slug).ToList();
        var second = await session.WriteAsync(Composition("second", "Second", "## Usage\nB."));
        var report = await session.CompleteAsync(ImportOptions.WholeContentSet);

        Assert.Equal(["old"], whileWriting);
        Assert.Equal((ImportOutcome.Added, ImportOutcome.Added), (added.Outcome, second.Outcome));
        Assert.Equal([("first", ImportOutcome.Added), ("second", ImportOutcome.Added), ("old", ImportOutcome.Removed)], report.Documents.Select(d => (d.Slug, d.Outcome)));
        Assert.Equal(["first", "second"], (await Store.ListAsync()).Select(s => s.Slug));
        Assert.Null(await Store.GetAsync(Collection.Composition, "dropped"));
        Assert.Equal(generation + 1, report.Generation);
    }

    [SkippableFact]
    public async Task BeginImport_WhileAnotherImportHoldsTheLock_WaitsAndSaysSoAndLosesNothing()
    {
        var first = await Store.BeginImportAsync();
        var second = Task.Run(() => Store.ImportAsync([Composition("second", "Second", "## Usage\nB.")], ImportOptions.Partial));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(second.IsCompleted);

        var firstReport = await first.ImportAsync([Composition("first", "First", "## Usage\nA.")], [], ImportOptions.Partial);
        await first.DisposeAsync();
        var secondReport = await second;

        Assert.Equal((false, true), (firstReport.Waited, secondReport.Waited));
        Assert.Equal(["first", "second"], (await Store.ListAsync()).Select(s => s.Slug));
        Assert.Equal(firstReport.Generation + 1, secondReport.Generation);
    }

    [SkippableFact]
    public async Task Import_ChangedDocument_BecomesNewVersionAndOldIsKept()
    {
        await Store.ImportAsync([Composition("clofarabine", "Clofarabine", "## Usage\nOld text.")], ImportOptions.WholeContentSet);
        Time.Advance(TimeSpan.FromHours(1));

        var report = await Store.ImportAsync([Composition("clofarabine", "Clofarabine v2", "## Usage\nNew text.")], ImportOptions.WholeContentSet);

        Assert.Equal(1, report.Changed);
        Assert.Equal("Clofarabine v2", (await Store.GetAsync(Collection.Composition, "clofarabine"))!.Monograph.Title);
        var old = await Store.GetVersionAsync(Collection.Composition, "clofarabine", 1);
        Assert.NotNull(old);
        Assert.Equal("Clofarabine", old.Monograph.Title);
        Assert.False(old.Version.IsLatest);
        var versions = await Store.ListVersionsAsync(Collection.Composition, "clofarabine");
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal([false, true], versions.Select(v => v.IsLatest));
        Assert.True(versions[1].ImportedAt > versions[0].ImportedAt);
    }

    [SkippableFact]
    public async Task Import_SameContentFromNewerParserVersion_ReplacesModelWithoutNewVersion()
    {
        var old = Composition("clofarabine", "Clofarabine", "## Usage\nLeukemia.") with { ModelVersion = 1 };
        await Store.ImportAsync([old], ImportOptions.WholeContentSet);
        var firstImport = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromDays(1));
        var warning = new Diagnostic("MONO999", DiagnosticSeverity.Warning, old.Monograph.SourcePath, 1, 1, "found by the new parser");
        var reparsed = old with
        {
            Monograph = old.Monograph with { Title = "Clofarabine Injection", AlternateNames = ["Evoltra"], Diagnostics = [warning] },
            ModelVersion = 2,
        };

        var report = await Store.ImportAsync([reparsed], ImportOptions.WholeContentSet);

        Assert.Equal((0, 0, 0, 1), (report.Added, report.Changed, report.Unchanged, report.Reparsed));
        Assert.True(report.ChangedStore);
        var stored = await Store.GetAsync(Collection.Composition, "clofarabine");
        Assert.NotNull(stored);
        Assert.Equal("Clofarabine Injection", stored.Monograph.Title);
        Assert.Equal("MONO999", Assert.Single(stored.Monograph.Diagnostics).Code);
        Assert.Equal((1, firstImport), (stored.Version.Number, stored.Version.ImportedAt));
        Assert.Equal(old.SourceText, stored.SourceText);
        var version = Assert.Single(await Store.ListVersionsAsync(Collection.Composition, "clofarabine"));
        Assert.Equal(firstImport, version.ImportedAt);
        var summary = Assert.Single(await Store.ListAsync());
        Assert.Equal(("Clofarabine Injection", 1, 1, firstImport), (summary.Title, summary.WarningCount, summary.Version, summary.ImportedAt));
        Assert.Equal("clofarabine", Assert.Single((await Store.SearchAsync("evoltra", 10, 0)).Hits).Slug);
    }

    /// <summary>Issue 9.9: a store never holds the folder a node read from, only paths relative to the content root.</summary>
    [SkippableFact]
    public async Task Publish_Folder_StoresPathsRelativeToTheContentRoot()
    {
        var root = Directory.CreateTempSubdirectory("formulary-paths-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "medicines"));
        File.WriteAllText(Path.Combine(root, "medicines", "brandx.md"), "---\ntitle: BrandX\ngeneric_slug: gamma\n---\n## Usage\nGamma.\n");

        await ContentPublisher.PublishAsync(Store, root, PublishOptions.Incremental);

        var stored = await Store.GetAsync(Collection.Medicine, "brandx");
        Assert.Equal("medicines/brandx.md", stored!.Monograph.SourcePath);
        Assert.Equal("medicines/brandx.md", Assert.Single(await Store.ListVersionsAsync(Collection.Medicine, "brandx")).SourcePath);
        var brokenLink = Assert.Single(stored.Monograph.Diagnostics, d => d.Code == "MONO040");
        Assert.Equal("medicines/brandx.md", brokenLink.File);
    }

    /// <summary>
    /// Issue 9.8: a combination without <c>ingredients:</c> links to the compositions its title names; a part
    /// that matches none is a MONO042 warning stored with it, gone (and the link there) once that composition is published.
    /// </summary>
    [SkippableFact]
    public async Task Publish_CombinationWithoutIngredients_LinkedFromTitleAndWarnedForUnmatchedPart()
    {
        var root = Directory.CreateTempSubdirectory("formulary-combinations-").FullName;
        void Write(string path, string text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, path))!);
            File.WriteAllText(Path.Combine(root, path), text);
        }

        Write("compositions/folicacid.md", "---\ntitle: Folic Acid\n---\n## Usage\nF.\n");
        Write("compositions/methotrexate.md", "---\ntitle: Méthotrexate\n---\n## Usage\nM.\n");
        Write("combinations/folicacid-methotrexate.md", "---\ntitle: Folic Acid + Methotrexate\n---\n## Usage\nFM.\n");
        Write("combinations/folicacid-zinc.md", "---\ntitle: Folic Acid + Zinc\n---\n## Usage\nFZ.\n");

        var first = await ContentPublisher.PublishAsync(Store, root, PublishOptions.Incremental);
        var all = await Store.ListAsync();
        var zinc = await Store.GetAsync(Collection.Combination, "folicacid-zinc");

        Assert.Equal(["folicacid", "methotrexate"], MonographLinks.For(all, Collection.Combination, "folicacid-methotrexate").Ingredients.Select(i => i.Slug));
        Assert.Equal(["folicacid-methotrexate"], MonographLinks.For(all, Collection.Composition, "methotrexate").CombinationsContaining.Select(c => c.Slug));
        Assert.Empty(MonographLinks.For(all, Collection.Combination, "folicacid-zinc").Ingredients);
        var warning = Assert.Single(zinc!.Monograph.Diagnostics, d => d.Code == "MONO042");
        Assert.Equal(("combinations/folicacid-zinc.md", 1, 1), (warning.File, warning.Line, warning.Column));
        Assert.DoesNotContain(first.Import!.Documents.Single(d => d.Slug == "folicacid-methotrexate").Diagnostics, d => d.Code == "MONO042");

        Write("compositions/zinc.md", "---\ntitle: Zinc\n---\n## Usage\nZ.\n");
        var second = await ContentPublisher.PublishAsync(Store, root, PublishOptions.Incremental);
        all = await Store.ListAsync();

        Assert.Equal(1, second.Parsed);
        Assert.DoesNotContain((await Store.GetAsync(Collection.Combination, "folicacid-zinc"))!.Monograph.Diagnostics, d => d.Code == "MONO042");
        Assert.Equal(["folicacid", "zinc"], MonographLinks.For(all, Collection.Combination, "folicacid-zinc").Ingredients.Select(i => i.Slug));
        Assert.Equal(["folicacid-methotrexate", "folicacid-zinc"], MonographLinks.For(all, Collection.Composition, "folicacid").CombinationsContaining.Select(c => c.Slug));
    }

    /// <summary>A store written before paths were relative is corrected by the re-parse the new parser version brings.</summary>
    [SkippableFact]
    public async Task Publish_StoredWithAbsolutePathByOlderParser_ReparseMakesItRelative()
    {
        var root = Directory.CreateTempSubdirectory("formulary-paths-").FullName;
        var file = Path.Combine(root, "compositions", "gamma.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "---\ntitle: Gamma\n---\n## Usage\nGamma.\n");
        var parsed = Monographs.Parsing.MonographParser.Default.Parse(Collection.Composition, file, File.ReadAllBytes(file));
        await Store.ImportAsync([new ImportDocument(parsed, File.ReadAllText(file)) { ModelVersion = 1 }], ImportOptions.WholeContentSet);
        Assert.Equal(file, (await Store.GetAsync(Collection.Composition, "gamma"))!.Version.SourcePath);

        var report = await ContentPublisher.PublishAsync(Store, root, PublishOptions.Incremental);

        Assert.Equal(1, report.Import!.Reparsed);
        var version = Assert.Single(await Store.ListVersionsAsync(Collection.Composition, "gamma"));
        Assert.Equal("compositions/gamma.md", version.SourcePath);
        Assert.Equal("compositions/gamma.md", (await Store.GetAsync(Collection.Composition, "gamma"))!.Monograph.SourcePath);
    }

    [SkippableFact]
    public async Task Import_SameContentAndParserVersionAfterReparse_IsUnchanged()
    {
        var old = Composition("clofarabine", "Clofarabine", "## Usage\nLeukemia.") with { ModelVersion = 1 };
        var reparsed = old with { Monograph = old.Monograph with { Title = "Clofarabine Injection" }, ModelVersion = 2 };
        await Store.ImportAsync([old], ImportOptions.WholeContentSet);
        await Store.ImportAsync([reparsed], ImportOptions.WholeContentSet);

        var again = await Store.ImportAsync([reparsed], ImportOptions.WholeContentSet);
        var sameVersionOtherModel = await Store.ImportAsync([old with { ModelVersion = 2 }], ImportOptions.WholeContentSet);

        Assert.Equal((1, 0), (again.Unchanged, again.Reparsed));
        Assert.Equal((1, 0), (sameVersionOtherModel.Unchanged, sameVersionOtherModel.Reparsed));
        Assert.Equal("Clofarabine Injection", (await Store.GetAsync(Collection.Composition, "clofarabine"))!.Monograph.Title);
    }

    [SkippableFact]
    public async Task Import_BadDocumentsAmongGood_OthersAreImportedAndBadOnesFail()
    {
        var unreadable = Document(Collection.Composition, "binary", "binary", "", FrontMatter.Empty, [],
            [new Diagnostic("MONO001", DiagnosticSeverity.Error, "binary.md", 0, 0, "not text")]);
        var documents = new[]
        {
            Composition("a", "A", "## Usage\nA."),
            Composition("../escape", "Escape", "## Usage\nX."),
            unreadable,
            Composition("a", "A again", "## Usage\nDuplicate."),
            Composition("b", "B", "## Usage\nB."),
        };

        var report = await Store.ImportAsync(documents, ImportOptions.WholeContentSet);

        Assert.Equal(
            [ImportOutcome.Added, ImportOutcome.Failed, ImportOutcome.Failed, ImportOutcome.Failed, ImportOutcome.Added],
            report.Documents.Select(d => d.Outcome));
        Assert.All(report.Documents.Where(d => d.Outcome == ImportOutcome.Failed), d => Assert.False(string.IsNullOrEmpty(d.FailureReason)));
        Assert.Equal("A", (await Store.GetAsync(Collection.Composition, "a"))!.Monograph.Title);
        Assert.NotNull(await Store.GetAsync(Collection.Composition, "b"));
        Assert.Null(await Store.GetAsync(Collection.Composition, "binary"));
    }

    [SkippableTheory]
    [InlineData("MONO009")]
    [InlineData("MONO035")]
    [InlineData("MONO037")]
    public async Task Import_DocumentTheParserDidNotRead_FailsAndTheStoredVersionIsKept(string code)
    {
        await Store.ImportAsync([Composition("a", "A", "## Usage\nA.")], ImportOptions.WholeContentSet);
        var unread = Document(Collection.Composition, "a", "a", "", FrontMatter.Empty, [],
            [new Diagnostic(code, DiagnosticSeverity.Error, "a.md", 6, 1, "the body was not read")]);

        var report = await Store.ImportAsync([unread], ImportOptions.WholeContentSet);

        Assert.Equal(ImportOutcome.Failed, Assert.Single(report.Documents).Outcome);
        Assert.Equal("A", (await Store.GetAsync(Collection.Composition, "a"))!.Monograph.Title);
    }

    [SkippableFact]
    public async Task ReadLive_EachLiveDocumentsPublishedVersion_OnceWithoutRemovedOrRejected()
    {
        await Store.ImportAsync(
            [Composition("a", "A", "## Usage\nA."), Composition("b", "B", "## Usage\nB."), Composition("c", "C", "## Usage\nSee C.")],
            ImportOptions.WholeContentSet);
        var rejected = TestMonographs.Document(Collection.Composition, "c", "c", "## Usage\nBroken C.", new FrontMatter(), [],
            [new Diagnostic("MONO012", DiagnosticSeverity.Error, "content/compositions/c.md", 2, 7, "unclosed quote")]);
        // a changes (version 2), b is removed, c's new version is rejected (version 1 stays published).
        await Store.ImportAsync([Composition("a", "A changed", "## Usage\nA changed."), rejected], ImportOptions.WholeContentSet);

        // The rows are unpacked by their takers, on any thread, after the reading is over: each row holds its own values.
        var rows = await Store.ReadLiveAsync().ToListAsync();
        var unpacked = new LiveMonograph[rows.Count];
        Parallel.For(0, rows.Count, i => unpacked[i] = rows[i].Unpack());
        var live = new List<Monograph>();
        var html = new List<string>();
        foreach (var document in unpacked)
        {
            live.Add(document.Monograph);
            // The sections as rendered at import; the model read for a page, without what they already hold.
            var section = Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<RenderedSection>>(document.Sections));
            html.Add($"{document.Monograph.Slug} {section.Id} {section.Html}");
            Assert.Equal(("", 0), (document.Monograph.Body, document.Monograph.Sections.Sum(s => s.Markdown.Length + s.Children.Count)));
        }

        Assert.Equal([("a", "A changed"), ("c", "C")], live.Select(m => (m.Slug, m.Title)).Order());
        Assert.Equal((await Store.ListAsync()).Select(s => s.Slug).Order(), live.Select(m => m.Slug).Order());
        // c's sections are its published version's (not the rejected head's "Broken C.").
        Assert.Equal(["a usage <p>A changed.</p>\n", "c usage <p>See C.</p>\n"], html.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Import_UnreadableVersionOfStoredDocument_KeepsStoredVersionAndIsNotRemoved()
    {
        await Store.ImportAsync([Composition("a", "A", "## Usage\nGood.")], ImportOptions.WholeContentSet);
        var broken = Document(Collection.Composition, "a", "a", "", FrontMatter.Empty, [],
            [new Diagnostic("MONO001", DiagnosticSeverity.Error, "a.md", 0, 0, "invalid UTF-8")]);

        var report = await Store.ImportAsync([broken], ImportOptions.WholeContentSet);

        Assert.Equal(ImportOutcome.Failed, Assert.Single(report.Documents).Outcome);
        var stored = await Store.GetAsync(Collection.Composition, "a");
        Assert.Equal(("A", 1), (stored!.Monograph.Title, stored.Version.Number));
    }

    [SkippableFact]
    public async Task Import_WholeSetMissingADocument_MarksItRemovedAndKeepsHistory()
    {
        await Store.ImportAsync([Composition("a", "A", "## Usage\nA."), Composition("b", "B", "## Usage\nB.")], ImportOptions.WholeContentSet);

        var partial = await Store.ImportAsync([Composition("a", "A", "## Usage\nA.")], ImportOptions.Partial);
        var whole = await Store.ImportAsync([Composition("a", "A", "## Usage\nA.")], ImportOptions.WholeContentSet);

        Assert.Equal(0, partial.Removed);
        var removed = Assert.Single(whole.Documents, d => d.Outcome == ImportOutcome.Removed);
        Assert.Equal("b", removed.Slug);
        Assert.Null(await Store.GetAsync(Collection.Composition, "b"));
        Assert.Equal("B", (await Store.GetVersionAsync(Collection.Composition, "b", 1))!.Monograph.Title);
        Assert.Equal(["a"], (await Store.ListAsync()).Select(s => s.Slug));
    }

    [SkippableFact]
    public async Task Import_RemovedDocumentComesBack_IsAddedAsNextVersion()
    {
        var b = Composition("b", "B", "## Usage\nB.");
        await Store.ImportAsync([b], ImportOptions.WholeContentSet);
        await Store.ImportAsync([], ImportOptions.WholeContentSet);

        var report = await Store.ImportAsync([b], ImportOptions.WholeContentSet);

        Assert.Equal(1, report.Added);
        Assert.Equal(2, (await Store.GetAsync(Collection.Composition, "b"))!.Version.Number);
    }

    [SkippableFact]
    public async Task Import_CancelledMidway_StoreKeepsPreviousCompleteState()
    {
        var first = Enumerable.Range(0, 20).Select(i => Composition($"d{i}", $"Drug {i}", "## Usage\nFirst.")).ToList();
        await Store.ImportAsync(first, ImportOptions.WholeContentSet);
        var second = Enumerable.Range(0, 20).Select(i => Composition($"d{i}", $"Drug {i} changed", "## Usage\nSecond.")).ToList();
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Done == 10)
            {
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.ImportAsync(second, ImportOptions.WholeContentSet, progress, cancellation.Token));

        var summaries = await Store.ListAsync();
        Assert.Equal(20, summaries.Count);
        Assert.All(summaries, s => Assert.Equal(1, s.Version));
        Assert.Equal("Drug 0", (await Store.GetAsync(Collection.Composition, "d0"))!.Monograph.Title);
        Assert.Equal(0, (await Store.SearchAsync("second", 10, 0)).Total);
    }

    [SkippableFact]
    public async Task Import_Progress_IsReportedOncePerDocument()
    {
        var reports = new List<ImportProgress>();

        await Store.ImportAsync(
            [Composition("a", "A", "x"), Composition("b", "B", "y"), Composition("c", "C", "z")],
            ImportOptions.WholeContentSet,
            new SynchronousProgress(reports.Add));

        Assert.Equal([(1, 3), (2, 3), (3, 3)], reports.Select(r => (r.Done, r.Total)));
    }

    [SkippableFact]
    public async Task Get_UnknownSlug_ReturnsNullAndNoVersions()
    {
        Assert.Null(await Store.GetAsync(Collection.Composition, "nothing"));
        Assert.Null(await Store.GetVersionAsync(Collection.Composition, "nothing", 1));
        Assert.Empty(await Store.ListVersionsAsync(Collection.Composition, "nothing"));
    }

    [SkippableFact]
    public async Task Get_StoredModel_RoundTripsSectionsNamesDiagnosticsAndFrontMatter()
    {
        var document = Document(
            Collection.Medicine, "clolar-20", "Clolar 20 mg", "## Usage\nInjection.",
            new FrontMatter { Title = "Clolar 20 mg", GenericSlug = "clofarabine", Mrp = 12345.67m, IsBanned = true },
            ["Clolar"],
            [new Diagnostic("MONO020", DiagnosticSeverity.Warning, "clolar-20.md", 3, 7, "warning")]);

        await Store.ImportAsync([document], ImportOptions.WholeContentSet);
        var stored = await Store.GetAsync(Collection.Medicine, "clolar-20");

        Assert.NotNull(stored);
        var model = stored.Monograph;
        Assert.Equal(document.SourceText, stored.SourceText);
        Assert.Equal(document.Monograph.ContentHash, stored.Version.ContentHash);
        Assert.Equal(12345.67m, model.FrontMatter.Mrp);
        Assert.True(model.FrontMatter.IsBanned);
        Assert.Equal("clofarabine", model.FrontMatter.GenericSlug);
        Assert.Equal(["Clolar"], model.AlternateNames);
        Assert.Equal(("usage", "Usage", 2), (model.Sections[0].Key, model.Sections[0].Title, model.Sections[0].Level));
        Assert.Equal(("MONO020", DiagnosticSeverity.Warning, 3, 7), (model.Diagnostics[0].Code, model.Diagnostics[0].Severity, model.Diagnostics[0].Line, model.Diagnostics[0].Column));
    }

    [SkippableFact]
    public async Task GetVersion_SourceWithTheSeedsDefects_ReadsBackByteForByte()
    {
        // What seed files carry: a byte-order mark, CRLF and lone CR line ends, trailing blanks and tabs,
        // a non-breaking space, accents and a character outside the BMP, no final newline; long enough
        // (over 2 KB) that PostgreSQL compresses it too.
        var source = "\uFEFF---\r\ntitle: Ciclosporin  \r\n---\r\n## Usage\t\r\nDose\u00A0for r\u00E9nal\rimpairment \U0001F48A\n"
            + string.Concat(Enumerable.Repeat("Repeat the creatinine clearance before each cycle.  \r\n", 60)) + "end";
        await Store.ImportAsync([Composition("ciclosporin", "Ciclosporin", "## Usage\nDose.") with { SourceText = source }], ImportOptions.WholeContentSet);

        var stored = await Store.GetVersionAsync(Collection.Composition, "ciclosporin", 1);

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(source), System.Text.Encoding.UTF8.GetBytes(stored!.SourceText));
    }

    [SkippableFact]
    public async Task Diff_TwoVersions_ListsAddedAndRemovedLinesWithNumbers()
    {
        await Store.ImportAsync([Composition("a", "A", "## Usage\nline one\nline two\nline three")], ImportOptions.WholeContentSet);
        await Store.ImportAsync([Composition("a", "A", "## Usage\nline one\nline 2\nline three\nline four")], ImportOptions.WholeContentSet);

        var diff = await Store.DiffAsync(Collection.Composition, "a", 1, 2);

        Assert.NotNull(diff);
        Assert.Equal((1, 2), (diff.From.Number, diff.To.Number));
        var removed = Assert.Single(diff.Lines, l => l.Kind == DiffLineKind.Removed);
        Assert.Equal(("line two", 6, (int?)null), (removed.Text, removed.OldLine, removed.NewLine));
        var added = diff.Lines.Where(l => l.Kind == DiffLineKind.Added).ToList();
        Assert.Equal(["line 2", "line four"], added.Select(l => l.Text));
        Assert.Equal([6, 8], added.Select(l => l.NewLine!.Value));
        Assert.Equal((2, 1), (diff.AddedLines, diff.RemovedLines));
    }

    [SkippableFact]
    public async Task Diff_MissingVersion_ReturnsNull()
    {
        await Store.ImportAsync([Composition("a", "A", "x")], ImportOptions.WholeContentSet);

        Assert.Null(await Store.DiffAsync(Collection.Composition, "a", 1, 2));
    }

    [SkippableFact]
    public async Task List_LiveDocuments_CarryLinksBetweenCollections()
    {
        await Store.ImportAsync(
            [
                Composition("clofarabine", "Clofarabine", "x"),
                Composition("cytarabine", "Cytarabine", "y"),
                Combination("clofarabine-cytarabine", "Clofarabine + Cytarabine", "z", "clofarabine", "cytarabine"),
                Brand("clolar-20", "Clolar 20 mg", "clofarabine"),
            ],
            ImportOptions.WholeContentSet);

        var all = await Store.ListAsync();
        var links = MonographLinks.For(all, Collection.Composition, "clofarabine");
        var combinationLinks = MonographLinks.For(all, Collection.Combination, "clofarabine-cytarabine");
        var brandLinks = MonographLinks.For(all, Collection.Medicine, "clolar-20");

        Assert.Equal(4, all.Count);
        Assert.Equal(["clolar-20"], links.Brands.Select(b => b.Slug));
        Assert.Equal(["clofarabine-cytarabine"], links.CombinationsContaining.Select(c => c.Slug));
        Assert.Equal(["clofarabine", "cytarabine"], combinationLinks.Ingredients.Select(i => i.Slug));
        Assert.Equal("clofarabine", brandLinks.BrandOf?.Slug);
    }
}
