using System.Data.Common;
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

    private SqliteMonographStore(string path, TimeProvider timeProvider)
        : base(timeProvider)
    {
        DatabasePath = Path.GetFullPath(path);
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

    private protected override StoreDialect Dialect { get; } = new SqliteDialect();

    /// <summary>
    /// The page size of a store this process creates: 16 KB, not SQLite's 4 KB. A version's row (its packed model, source
    /// text and sections, ~4.5 KB) fits in one page instead of spilling to overflow pages, and the WAL, its index and the
    /// final checkpoint have a quarter of the pages to write, find and copy: a fresh import of 100,000 generated monographs
    /// took ~9% less time, an unchanged one ~4% (BENCHMARKS.md, session 18; ADR 0003).
    /// </summary>
    internal const int NewFilePageSize = 16384;

    /// <summary>Opens (creating if needed) the database file and brings its schema up to date.</summary>
    public static SqliteMonographStore Open(string path, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var store = new SqliteMonographStore(path, timeProvider);
        using var connection = store.OpenConnection();
        using (var pragmas = connection.CreateCommand())
        {
            // The page size takes effect only in a file not yet written (a new store), so it is set before WAL mode writes
            // the first page; an existing store keeps the size it was made with.
            pragmas.CommandText = $"PRAGMA page_size = {NewFilePageSize}; PRAGMA journal_mode = WAL";
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

        return new SqliteMonographStore(path, timeProvider) { Schema = (SqliteSchema.LatestVersion, applied) };
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

    public override Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        search.SearchAsync(request, SearchBudget, cancellationToken);

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
