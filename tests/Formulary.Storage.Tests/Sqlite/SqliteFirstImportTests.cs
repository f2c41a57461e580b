using Formulary.Monographs;
using Formulary.Storage.Importing;
using Formulary.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using static Formulary.Storage.Tests.TestMonographs;

namespace Formulary.Storage.Tests.Sqlite;

/// <summary>
/// A new SQLite store is made by its first import under a name of its own, with no journal, and appears at its path, in
/// WAL mode, only when the import is done; a failed import leaves nothing behind, and a store made meanwhile by another
/// process is left as it is.
/// </summary>
public sealed class SqliteFirstImportTests
{
    private readonly string folder = Directory.CreateTempSubdirectory("formulary-first-import-").FullName;

    private string StorePath => Path.Combine(folder, "formulary.db");

    [Fact]
    public async Task CreateAsync_ImportDone_StoreAtThePathInWalModeAndNothingElse()
    {
        var (created, report) = await SqliteMonographStore.CreateAsync(StorePath, TimeProvider.System, ImportClofarabineAsync);

        Assert.True(created);
        Assert.Equal(1, report.Added);
        Assert.Equal(["formulary.db"], Files());
        Assert.Equal("wal", SqliteStores.Pragma(StorePath, "journal_mode"));
        Assert.Equal("ok", SqliteStores.Pragma(StorePath, "integrity_check"));
        await using var store = SqliteMonographStore.Open(StorePath, TimeProvider.System);
        Assert.Equal("Clofarabine", (await store.GetAsync(Collection.Composition, "clofarabine"))!.Monograph.Title);
    }

    [Fact]
    public async Task CreateAsync_WhileImporting_NothingAtThePathAndNoJournalOrLogBesideTheNewFile()
    {
        string[] seen = [];
        await SqliteMonographStore.CreateAsync(StorePath, TimeProvider.System, async store =>
        {
            await using var session = await store.BeginImportAsync();
            // More documents than the session encodes ahead of its writer (16), so some reach the database before the look.
            for (var i = 0; i < 40; i++)
            {
                await session.WriteAsync(Composition($"drug-{i}", $"Drug {i}", "## Usage\nLeukemia."));
            }

            seen = Files();
            Assert.Equal(folder, Path.GetDirectoryName(store.DatabasePath));
            return await session.CompleteAsync(ImportOptions.WholeContentSet);
        });

        // Inside the import's transaction: the file and its claim, neither a rollback journal nor a WAL beside them.
        Assert.Equal(2, seen.Length);
        Assert.Matches(@"^formulary\.db\.new-\d+-[0-9a-f]{8}$", seen[0]);
        Assert.Equal(seen[0] + ".lock", seen[1]);
    }

    [Fact]
    public async Task CreateAsync_ImportFails_NoStoreAndNoFileLeft()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteMonographStore.CreateAsync<ImportReport>(StorePath, TimeProvider.System, async store =>
        {
            await ImportClofarabineAsync(store);
            throw new InvalidOperationException("the import failed");
        }));

        Assert.Equal("the import failed", failure.Message);
        Assert.Empty(Files());
    }

    [Fact]
    public async Task CreateAsync_ImportEndsWithoutCommitting_NotMadeAndNoFileLeft()
    {
        // With no journal nothing undoes what the import wrote: such a file is never put in place.
        var (created, _) = await SqliteMonographStore.CreateAsync(StorePath, TimeProvider.System, async store =>
        {
            await using var session = await store.BeginImportAsync();
            await session.WriteAsync(Composition("clofarabine", "Clofarabine", "## Usage\nLeukemia."));
            return 0;
        });

        Assert.False(created);
        Assert.Empty(Files());
    }

    [Fact]
    public async Task CreateAsync_AnotherProcessMadeTheStoreMeanwhile_ThatStoreKeptAndNotCreated()
    {
        var (created, _) = await SqliteMonographStore.CreateAsync(StorePath, TimeProvider.System, async store =>
        {
            var report = await ImportClofarabineAsync(store);
            await using var other = SqliteMonographStore.Open(StorePath, TimeProvider.System);
            await other.ImportAsync([Composition("cytarabine", "Cytarabine", "## Usage\nLeukaemia.")], ImportOptions.WholeContentSet);
            return report;
        });

        Assert.False(created);
        Assert.Equal(["formulary.db"], Files());
        await using var kept = SqliteMonographStore.Open(StorePath, TimeProvider.System);
        Assert.NotNull(await kept.GetAsync(Collection.Composition, "cytarabine"));
        Assert.Null(await kept.GetAsync(Collection.Composition, "clofarabine"));
    }

    [Fact]
    public async Task CreateAsync_LeftoverOfAKilledImport_DeletedUnlessItsClaimIsHeld()
    {
        var dead = Path.Combine(folder, "formulary.db.new-41-0badf00d");
        var running = Path.Combine(folder, "formulary.db.new-42-0badf00d");
        var otherStore = Path.Combine(folder, "other.db.new-43-0badf00d");
        foreach (var file in (string[])[dead, dead + "-journal", dead + ".lock", running, running + ".lock", otherStore, otherStore + ".lock"])
        {
            await File.WriteAllTextAsync(file, "left by an import");
        }

        // A running import holds its claim, here or in another process on another host.
        await using (new FileStream(running + ".lock", FileMode.Open, FileAccess.Write, FileShare.None))
        {
            await SqliteMonographStore.CreateAsync(StorePath, TimeProvider.System, ImportClofarabineAsync);
        }

        Assert.Equal(["formulary.db", Path.GetFileName(running), Path.GetFileName(running) + ".lock", Path.GetFileName(otherStore), Path.GetFileName(otherStore) + ".lock"], Files());
    }

    [Fact]
    public async Task CreateAsync_BuildingFileDeletedBeforeItIsPutInPlace_NoEmptyStorePublished()
    {
        // What a signal's handler does (it deletes the file); the move must not publish a new, empty one in its place.
        await Assert.ThrowsAsync<SqliteException>(() => SqliteMonographStore.CreateAsync(StorePath, TimeProvider.System, async store =>
        {
            var report = await ImportClofarabineAsync(store);
            File.Delete(store.DatabasePath);
            return report;
        }));

        Assert.Empty(Files());
    }

    private static Task<ImportReport> ImportClofarabineAsync(SqliteMonographStore store) =>
        store.ImportAsync([Composition("clofarabine", "Clofarabine", "## Usage\nLeukemia.")], ImportOptions.WholeContentSet);

    private string[] Files() => [.. Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
}
