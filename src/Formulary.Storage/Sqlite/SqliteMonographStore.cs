using System.Data.Common;
using System.Runtime.InteropServices;
using Formulary.Storage.Relational;
using Formulary.Storage.Search;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never wait for the importer), a
/// connection per call from Microsoft.Data.Sqlite's pool.
/// </summary>
public sealed class SqliteMonographStore : RelationalStore
{
    private readonly string connectionString;
    private readonly SqliteSearch search;

    private SqliteMonographStore(string path, TimeProvider timeProvider, bool unjournaled = false)
        : base(timeProvider)
    {
        DatabasePath = Path.GetFullPath(path);
        Dialect = new SqliteDialect(unjournaled);
        search = new SqliteSearch(OpenConnection, timeProvider, () => Index);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    public string DatabasePath { get; }

    public override string Location => DatabasePath;

    private protected override StoreDialect Dialect { get; }

    /// <summary>
    /// The page size of a store this process creates: 16 KB, not SQLite's 4 KB. A version's row (its packed model, source
    /// text and sections, ~4.5 KB) fits in one page instead of spilling to overflow pages, and the WAL, its index and the
    /// final checkpoint have a quarter of the pages to write, find and copy: a fresh import of 100,000 generated monographs
    /// took ~9% less time, an unchanged one ~4% (BENCHMARKS.md, session 18; ADR 0003).
    /// </summary>
    internal const int NewFilePageSize = 16384;

    /// <summary>Opens (creating if needed) the database file and brings its schema up to date.</summary>
    public static SqliteMonographStore Open(string path, TimeProvider timeProvider) => Open(path, timeProvider, unjournaled: false);

    private static SqliteMonographStore Open(string path, TimeProvider timeProvider, bool unjournaled)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var store = new SqliteMonographStore(path, timeProvider);
        using var connection = store.OpenConnection();
        using (var pragmas = connection.CreateCommand())
        {
            // The page size takes effect only in a file not yet written (a new store), so it is set before WAL mode writes
            // the first page; an existing store keeps the size it was made with. A file made by CreateAsync gets WAL mode
            // when its first import is done.
            pragmas.CommandText = unjournaled ? $"PRAGMA page_size = {NewFilePageSize}" : $"PRAGMA page_size = {NewFilePageSize}; PRAGMA journal_mode = WAL";
            pragmas.ExecuteNonQuery();
        }

        var applied = SqliteSchema.Migrate(connection);
        try
        {
            SqliteSearchIndex.BackfillNames(connection);
            // Microsoft.Data.Sqlite's asynchronous calls complete synchronously.
            StoreBrowse.BackfillAsync(connection, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            // A damaged file still opens: readiness (CheckHealthAsync's integrity check) reports it, the
            // process stays up to say so, and nothing more is written to it.
        }

        return new SqliteMonographStore(path, timeProvider, unjournaled) { Schema = (SqliteSchema.LatestVersion, applied) };
    }

    /// <summary>
    /// Makes the store at <paramref name="path"/>, which does not exist yet, with a first import (<paramref name="fill"/>).
    /// The import writes a file of its own beside the path (<c>NAME.new-PID-RANDOM</c>, claimed by an exclusive lock on
    /// <c>NAME.new-PID-RANDOM.lock</c>) with no rollback journal and no WAL, so each page is written once, not to
    /// the log and again by the checkpoint (a 100,000-document import: a fifth less time, half the system CPU;
    /// BENCHMARKS.md, session 23). When it is done, the file is put in WAL mode and moved to the path, never over a file
    /// already there (<see cref="NewStoreFile"/>). Until then no other process can open it (it has no name they know), so
    /// none can see it half made, wait on it, or leave WAL mode unset. A failed import, or one stopped by a signal (SIGINT,
    /// SIGTERM, SIGHUP, SIGQUIT), deletes it and leaves the path free; a signal after the import is done keeps the store
    /// from being put in place (ADR 0003).
    /// </summary>
    /// <returns>
    /// Whether the store was made, and what <paramref name="fill"/> returned. Not made (the file is deleted) when a store
    /// appeared at the path while the import ran, made by another process, or when an import ended without committing
    /// (nothing could undo what it wrote): the caller imports into the path instead, as into any store.
    /// </returns>
    public static async Task<(bool Created, T Result)> CreateAsync<T>(
        string path, TimeProvider timeProvider, Func<SqliteMonographStore, Task<T>> fill)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(fill);
        var target = Path.GetFullPath(path);
        DeleteLeftovers(target);
        var building = $"{target}{BuildingMark}{Environment.ProcessId}-{Random.Shared.Next():x8}";
        using var claim = new FileStream(building + ".lock", FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        var gate = new Lock();
        var abandoned = false;

        // A signal's default ends the process without unwinding this method: delete the file first, then let it end.
        // In a process that handles the signal itself (System.CommandLine's grace period) the import goes on to fail.
        void Abandon()
        {
            lock (gate)
            {
                abandoned = true;
                DeleteBuilding(building, withClaim: true);
            }
        }

        var signals = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT }
            .Select(signal => PosixSignalRegistration.Create(signal, _ => Abandon())).ToList();
        try
        {
            T result;
            await using (var store = Open(building, timeProvider, unjournaled: true))
            {
                result = await fill(store);
                if (((SqliteDialect)store.Dialect).RolledBack)
                {
                    // An import that ended without committing (and without an exception) left what it wrote in a file with no
                    // journal to undo it: the import is done again into the path, as before there was this way.
                    return (false, result);
                }
            }

            // ReadWrite, not ReadWriteCreate: a file deleted meanwhile is an error here, never a new empty store.
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = building, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()))
            {
                connection.Open();
                using var wal = connection.CreateCommand();
                wal.CommandText = "PRAGMA journal_mode = WAL";
                if (wal.ExecuteScalar() as string != "wal")
                {
                    throw new InvalidOperationException("the new store could not be put in WAL mode");
                }
            }

            lock (gate)
            {
                return abandoned
                    ? throw new OperationCanceledException("the import was stopped by a signal; its new store was deleted")
                    : (NewStoreFile.MoveIfAbsent(building, target), result);
            }
        }
        finally
        {
            foreach (var signal in signals)
            {
                signal.Dispose();
            }

            DeleteBuilding(building, withClaim: false);
        }
    }

    private const string BuildingMark = ".new-";

    /// <summary>A first import's file and SQLite's files beside it (a moved file is no longer there); with its claim when asked.</summary>
    private static void DeleteBuilding(string building, bool withClaim)
    {
        foreach (var file in (string[])[building, building + "-journal", building + "-wal", building + "-shm", .. withClaim ? [building + ".lock"] : Array.Empty<string>()])
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left behind (Windows keeps a file SQLite holds open); the next first import into the path deletes it.
            }
        }
    }

    /// <summary>
    /// Deletes what a first import into <paramref name="target"/> left when it was killed outright (SIGKILL, or a power
    /// loss): a file whose claim (<c>.lock</c>) no process holds any more. A running import holds its claim, wherever it
    /// runs (another container or host sharing the folder), so its file is never touched.
    /// </summary>
    private static void DeleteLeftovers(string target)
    {
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var claim in Directory.EnumerateFiles(folder, Path.GetFileName(target) + BuildingMark + "*.lock"))
        {
            try
            {
                using (new FileStream(claim, FileMode.Open, FileAccess.Write, FileShare.None))
                {
                    // Taken: the import that made it has ended.
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            DeleteBuilding(claim[..^".lock".Length], withClaim: true);
        }
    }

    /// <summary>
    /// Rewrites the file without its free pages (<c>VACUUM</c>) when they are at least a quarter of it, as
    /// after the schema-12 upgrade: the rebuilt index and the packed source texts leave the old pages free,
    /// and SQLite reuses free pages but never gives them back. Run by <c>db migrate</c>, never on open: it
    /// holds the write lock while it rewrites the file.
    /// </summary>
    /// <returns>The bytes the file shrank by; 0 when it was not worth rewriting.</returns>
    public long Compact()
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT freelist_count FROM pragma_freelist_count()), (SELECT page_count FROM pragma_page_count())";
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            if (reader.GetInt64(0) * 4 < reader.GetInt64(1))
            {
                return 0;
            }
        }

        var before = new FileInfo(DatabasePath).Length;
        // In WAL mode the rewritten pages go to the log first; the checkpoint writes them back and truncates the file.
        command.CommandText = "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);";
        command.ExecuteNonQuery();
        return before - new FileInfo(DatabasePath).Length;
    }

    private const int SqliteCorrupt = 11;

    private const int SqliteNotADatabase = 26;

    private protected override Task<SearchResults> SearchAsync(SearchRequest request, TimeSpan budget, CancellationToken cancellationToken) =>
        search.SearchAsync(request, budget, cancellationToken);

    public override Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken = default) =>
        search.SuggestAsync(prefix, limit, cancellationToken);

    /// <summary>The search slots (tests hold them to see a search wait for one).</summary>
    internal SemaphoreSlim SearchSlots => search.Slots;

    /// <summary>Closes pooled connections so the WAL is checkpointed and the file can be copied or deleted.</summary>
    public override async ValueTask DisposeAsync()
    {
        await StopSearchIndexAsync();
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private protected override ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<DbConnection>(OpenConnection());

    internal SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
