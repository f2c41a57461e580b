using Formulary.Monographs;
using Formulary.Storage.Importing;
using Formulary.Storage.Publishing;

namespace Formulary.Storage.Tests.Publishing;

/// <summary>
/// Issue 7.7: an import does not read a file whose stamp (size, times, inode) is the one recorded when it was last
/// read, unless that record is racy; the content hash and parser version still decide what is parsed. Run against
/// SQLite and PostgreSQL by the subclasses, over real files. The store's clock is the record's time: set after the
/// files' last change, the records are settled; left at the suite's date (before the files were written), every
/// record is racy and every file is read, as before stamps.
/// </summary>
public abstract class StampContractTests : StoreTests
{
    private readonly string root = Directory.CreateTempSubdirectory("formulary-stamps-").FullName;

    private string Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The store's clock a minute past the real one: every file written so far changed well before it.</summary>
    private void Settle() => Time.SetUtcNow(DateTimeOffset.UtcNow.AddMinutes(1));

    private Task<PublishReport> PublishAsync(PublishOptions? options = null) => ContentPublisher.PublishAsync(Store, root, options ?? PublishOptions.Incremental);

    [SkippableFact]
    public async Task Publish_Unchanged_NotReadOnceStampedThenChangedFileReadAndImported()
    {
        Write("compositions/alpha.md", "---\ntitle: Alpha\n---\n## Usage\nA.\n");
        Write("compositions/beta.md", "---\ntitle: Beta\n---\n## Usage\nB.\n");
        Settle();
        var first = await PublishAsync();
        var generation = await Store.GetGenerationAsync();

        var unchanged = await PublishAsync();
        Write("compositions/beta.md", "---\ntitle: Beta\n---\n## Usage\nB, changed.\n");
        Settle();
        var changed = await PublishAsync();

        Assert.Equal((2, 2, 2), (first.Read, first.Parsed, first.Import!.Added));
        Assert.Equal((0, 0, 2, false), (unchanged.Read, unchanged.Parsed, unchanged.Import!.Unchanged, unchanged.Import.ChangedStore));
        Assert.Equal(generation, unchanged.Import.Generation);
        Assert.Equal((1, 1, 1, 1), (changed.Read, changed.Parsed, changed.Import!.Changed, changed.Import.Unchanged));
        Assert.Contains("B, changed.", (await Store.GetAsync(Collection.Composition, "beta"))!.SourceText, StringComparison.Ordinal);
    }

    /// <summary>
    /// The stamp is recorded as the file is read, in the same tick as its last change: a change after it, of the same
    /// size, with the modification time set back (<c>touch -d</c>), could leave every field equal. Such a record is racy:
    /// the file is read again, and the change is seen.
    /// </summary>
    [SkippableFact]
    public async Task Publish_SameSizeChangeWithModificationTimeSetBack_SeenWhileTheRecordIsRacy()
    {
        var file = Write("compositions/alpha.md", "---\ntitle: Alpha\n---\n## Usage\nA.\n");
        var modified = File.GetLastWriteTimeUtc(file);
        Time.SetUtcNow(new DateTimeOffset(modified)); // the record's time: the moment of the file's last change
        await PublishAsync();

        File.WriteAllText(file, "---\ntitle: Alpha\n---\n## Usage\nZ.\n");
        File.SetLastWriteTimeUtc(file, modified);
        var second = await PublishAsync();

        Assert.Equal(new FileInfo(file).Length, "---\ntitle: Alpha\n---\n## Usage\nA.\n".Length);
        Assert.Equal((1, 1), (second.Read, second.Import!.Changed));
        Assert.Contains("Z.", (await Store.GetAsync(Collection.Composition, "alpha"))!.SourceText, StringComparison.Ordinal);
    }

    /// <summary>A racy record is not trusted, but the file read again is stamped again, later: the next import trusts that.</summary>
    [SkippableFact]
    public async Task Publish_RacyRecord_FileReadAgainAndTrustedOnceRecordedLater()
    {
        var file = Write("compositions/alpha.md", "---\ntitle: Alpha\n---\n## Usage\nA.\n");
        Time.SetUtcNow(new DateTimeOffset(File.GetLastWriteTimeUtc(file)));
        var racy = await PublishAsync();
        var again = await PublishAsync();
        Settle();
        var recordedLater = await PublishAsync();
        var trusted = await PublishAsync();

        Assert.Equal([1, 1, 1, 0], new[] { racy.Read, again.Read, recordedLater.Read, trusted.Read });
        Assert.Equal(1, trusted.Import!.Unchanged);
    }

    [SkippableFact]
    public async Task Publish_RulesFileAddedBesideAStampedMonograph_ReadAndANewVersion()
    {
        var monograph = File.ReadAllText(Path.Combine(RepoPaths.Content, "compositions", "clofarabine.md"));
        var rules = File.ReadAllText(Path.Combine(RepoPaths.Content, "compositions", "clofarabine.rules.yaml"));
        Write("compositions/clofarabine.md", monograph);
        Settle();
        await PublishAsync();

        Write("compositions/clofarabine.rules.yaml", rules);
        Settle();
        var added = await PublishAsync();
        var unchanged = await PublishAsync();

        Assert.Equal((1, 1), (added.Read, added.Import!.Changed));
        Assert.Equal((0, 1), (unchanged.Read, unchanged.Import!.Unchanged));
        Assert.NotNull((await Store.GetAsync(Collection.Composition, "clofarabine"))!.Rules);
    }

    [SkippableFact]
    public async Task Publish_PruneWithStampedFiles_RemovesTheMissingOneAndReadsNothing()
    {
        Write("compositions/alpha.md", "---\ntitle: Alpha\n---\n## Usage\nA.\n");
        var beta = Write("compositions/beta.md", "---\ntitle: Beta\n---\n## Usage\nB.\n");
        Settle();
        await PublishAsync();
        File.Delete(beta);

        var pruned = await PublishAsync(new PublishOptions(Prune: true, Force: true));

        Assert.Equal((0, 1, 1), (pruned.Read, pruned.Import!.Removed, pruned.Import.Unchanged));
        Assert.Null(await Store.GetAsync(Collection.Composition, "beta"));
    }

    [SkippableFact]
    public async Task Publish_Rehash_ReadsEveryFileWhateverItsStamp()
    {
        Write("compositions/alpha.md", "---\ntitle: Alpha\n---\n## Usage\nA.\n");
        Settle();
        await PublishAsync();

        var rehashed = await PublishAsync(new PublishOptions(Rehash: true));

        Assert.Equal((1, 0, 1), (rehashed.Read, rehashed.Parsed, rehashed.Import!.Unchanged));
    }

    /// <summary>A file whose stamp vouches for it but whose stored head is another parser version's is read and parsed again.</summary>
    [SkippableFact]
    public async Task Publish_StampedButStoredByAnotherParserVersion_ReadAndReparsed()
    {
        var file = Write("compositions/gamma.md", "---\ntitle: Gamma\n---\n## Usage\nGamma.\n");
        Settle();
        await PublishAsync();
        var parsed = Monographs.Parsing.MonographParser.Default.Parse(Collection.Composition, "compositions/gamma.md", File.ReadAllBytes(file));
        await Store.ImportAsync([new ImportDocument(parsed, File.ReadAllText(file)) { ModelVersion = 1 }], ImportOptions.Partial);

        var report = await PublishAsync();

        Assert.Equal((1, 1, 1), (report.Read, report.Parsed, report.Import!.Reparsed));
    }

    /// <summary>
    /// Every kind of stored finding the check over all documents gives: a link to nothing, a combination part that matches
    /// no composition, a rules file with no monograph (reported, not stored).
    /// </summary>
    private void WriteFindings()
    {
        Write("compositions/alpha.md", "---\ntitle: Alpha\n---\n## Usage\nA.\n");
        Write("medicines/brandx-10.md", "---\ntitle: Brandx 10 mg\ngeneric_slug: nowhere\n---\n## Usage\nBrandx contains nothing known.\n");
        Write("combinations/alpha-zeta.md", "---\ntitle: Alpha + Zeta\n---\n## Usage\nAZ.\n");
        Write("compositions/orphan.rules.yaml", "drug: orphan\n");
    }

    /// <summary>
    /// Issue 7.7: the listing the store last imported, with no file changed, is confirmed without reading the stored states
    /// or checking documents against each other again, and its report is the one a full check gives, findings included.
    /// </summary>
    [SkippableFact]
    public async Task Publish_SameListingNothingChanged_ConfirmedWithTheReportAFullCheckGives()
    {
        WriteFindings();
        Settle();
        var first = await PublishAsync();
        var generation = await Store.GetGenerationAsync();

        var confirmed = await PublishAsync();
        var rehashed = await PublishAsync(new PublishOptions(Rehash: true));

        Assert.False(first.Confirmed);
        Assert.Equal((true, false), (confirmed.Confirmed, rehashed.Confirmed));
        Assert.Equal((0, 0, 3, false), (confirmed.Read, confirmed.Parsed, confirmed.Files, confirmed.Import!.ChangedStore));
        Assert.Equal(generation, confirmed.Import.Generation);
        Assert.Equal(Json(rehashed.Import!.Documents), Json(confirmed.Import.Documents));
        Assert.Equal(Json(rehashed.LooseDiagnostics), Json(confirmed.LooseDiagnostics));
        Assert.NotEmpty(confirmed.LooseDiagnostics);
        Assert.Equal(3, confirmed.Import.Unchanged);
        Assert.Contains((await Store.GetAsync(Collection.Medicine, "brandx-10"))!.Monograph.Diagnostics, d => d.Code == "MONO040");
        Assert.Contains((await Store.GetAsync(Collection.Combination, "alpha-zeta"))!.Monograph.Diagnostics, d => d.Code == "MONO042");
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);

    /// <summary>After a save a watcher saw, no confirmation is tried (its heads would be read for nothing); the folder is checked in full.</summary>
    [SkippableFact]
    public async Task Publish_AfterSave_CheckedInFullWithTheSameOutcome()
    {
        WriteFindings();
        Settle();
        await PublishAsync();

        var afterSave = await PublishAsync(PublishOptions.Incremental with { AfterSave = true });
        var confirmed = await PublishAsync();

        Assert.Equal((false, true), (afterSave.Confirmed, confirmed.Confirmed));
        Assert.Equal(Json(confirmed.Import!.Documents), Json(afterSave.Import!.Documents));
    }

    /// <summary>
    /// A path that cannot be listed fails with what is wrong with it, though the heads were being read on the session's
    /// connection meanwhile; the lock is let go, and the next import of the folder is confirmed.
    /// </summary>
    [SkippableFact]
    public async Task Publish_PathGoneWhileTheHeadsAreRead_FailsWithThePathAndLetsTheLockGo()
    {
        WriteFindings();
        Settle();
        await PublishAsync();

        // Without waiting for the read, disposing the session under it hung: a minute turns that into a failure.
        await Assert.ThrowsAsync<DirectoryNotFoundException>(
            () => ContentPublisher.PublishAsync(Store, Path.Combine(root, "gone"), PublishOptions.Incremental).WaitAsync(TimeSpan.FromMinutes(1)));
        var next = await PublishAsync();

        Assert.True(next.Confirmed);
    }

    /// <summary>A file added changes the listing: every document is checked again, and a link to it is no longer broken.</summary>
    [SkippableFact]
    public async Task Publish_FileAddedToAConfirmedListing_CheckedAgainAndTheLinkToItHolds()
    {
        WriteFindings();
        Settle();
        await PublishAsync();
        var confirmed = await PublishAsync();
        Write("compositions/nowhere.md", "---\ntitle: Nowhere\n---\n## Usage\nN.\n");
        Settle();

        var added = await PublishAsync();
        var again = await PublishAsync();

        Assert.Equal((true, false, true), (confirmed.Confirmed, added.Confirmed, again.Confirmed));
        Assert.Equal((1, 1), (added.Import!.Added, added.Import.Reparsed));
        Assert.DoesNotContain((await Store.GetAsync(Collection.Medicine, "brandx-10"))!.Monograph.Diagnostics, d => d.Code == "MONO040");
        Assert.All(again.Import!.Documents, d => Assert.Equal(ImportOutcome.Unchanged, d.Outcome));
    }

    /// <summary>
    /// While a listed document's head is rejected, no import is confirmed: the checks over all documents take an unread
    /// document's title from its published version but a read one's from its parse, so only a full check says what holds.
    /// Once the document is fixed and imported, the folder is confirmed again.
    /// </summary>
    [SkippableFact]
    public async Task Publish_HeadRejected_NeverConfirmedUntilFixed()
    {
        var alpha = Write("compositions/alpha.md", "---\ntitle: Alpha\n---\n## Usage\nA.\n");
        Write("combinations/alpha-zeta.md", "---\ntitle: Alpha + Zeta\n---\n## Usage\nAZ.\n");
        Settle();
        await PublishAsync();
        File.WriteAllText(alpha, "---\ntitle: \"Zeta\n---\n## Usage\nA.\n");
        Settle();
        var rejecting = await PublishAsync();

        var whileRejected = await PublishAsync();
        var stillRejected = await PublishAsync();
        File.WriteAllText(alpha, "---\ntitle: Alpha\n---\n## Usage\nA, fixed.\n");
        Settle();
        var fixedUp = await PublishAsync();
        var confirmed = await PublishAsync();

        Assert.Equal(1, rejecting.Import!.Rejected);
        Assert.Equal((false, false, false, false, true), (rejecting.Confirmed, whileRejected.Confirmed, stillRejected.Confirmed, fixedUp.Confirmed, confirmed.Confirmed));
        Assert.Equal((1, 1), (whileRejected.Import!.Rejected, stillRejected.Import!.Rejected));
        Assert.Equal(1, fixedUp.Import!.Changed);
    }

    /// <summary>An import of another listing (one file) in between: the folder's next import is checked in full again.</summary>
    [SkippableFact]
    public async Task Publish_AnotherListingImportedInBetween_NextImportOfTheFolderCheckedInFull()
    {
        WriteFindings();
        Settle();
        await PublishAsync();
        await ContentPublisher.PublishAsync(Store, Path.Combine(root, "medicines", "brandx-10.md"), PublishOptions.Incremental);

        var folder = await PublishAsync();
        var again = await PublishAsync();

        Assert.Equal((false, true), (folder.Confirmed, again.Confirmed));
        Assert.Equal(Json(folder.Import!.Documents), Json(again.Import!.Documents));
    }

    /// <summary>Documents imported without a listing make the store forget the listing: the next import checks in full.</summary>
    [SkippableFact]
    public async Task Publish_DocumentsImportedWithoutAListing_NextImportCheckedInFull()
    {
        WriteFindings();
        Settle();
        await PublishAsync();
        await Store.ImportAsync([TestMonographs.Composition("nowhere", "Nowhere", "## Usage\nN.")], ImportOptions.Partial);

        var checkedAgain = await PublishAsync();

        Assert.False(checkedAgain.Confirmed);
    }

    /// <summary>A prune of the confirmed listing with a stored document outside it is no confirmation: that document is removed.</summary>
    [SkippableFact]
    public async Task Publish_PruneOfTheSameListingWithAStoredDocumentOutsideIt_RemovesIt()
    {
        Write("compositions/alpha.md", "---\ntitle: Alpha\n---\n## Usage\nA.\n");
        var beta = Write("compositions/beta.md", "---\ntitle: Beta\n---\n## Usage\nB.\n");
        Settle();
        await PublishAsync();
        File.Delete(beta);
        var kept = await PublishAsync();
        var confirmed = await PublishAsync();

        var pruned = await PublishAsync(new PublishOptions(Prune: true, Force: true));

        Assert.Equal((false, true, false), (kept.Confirmed, confirmed.Confirmed, pruned.Confirmed));
        Assert.Equal("alpha", Assert.Single(kept.Import!.Documents).Slug);
        Assert.Equal((1, 1), (pruned.Import!.Removed, pruned.Import.Unchanged));
        Assert.Null(await Store.GetAsync(Collection.Composition, "beta"));
    }
}
