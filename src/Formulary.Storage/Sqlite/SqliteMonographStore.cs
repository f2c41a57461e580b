using Formulary.Monographs;
using Formulary.Storage.Importing;
using Formulary.Storage.Listing;
using Formulary.Storage.Search;
using Formulary.Storage.Versions;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never wait for the importer), a
/// connection per call from Microsoft.Data.Sqlite's pool.
/// </summary>
public sealed class SqliteMonographStore : IMonographStore
{
    private readonly string connectionString;
    private readonly TimeProvider timeProvider;
    private readonly SqliteSearch search;

    private SqliteMonographStore(string path, TimeProvider timeProvider)
    {
        DatabasePath = Path.GetFullPath(path);
        search = new SqliteSearch(OpenConnection);
        this.timeProvider = timeProvider;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary>Opens (creating if needed) the database file and brings its schema up to date.</summary>
    public static SqliteMonographStore Open(string path, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var store = new SqliteMonographStore(path, timeProvider);
        using var connection = store.OpenConnection();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL";
            wal.ExecuteNonQuery();
        }

        SqliteSchema.Migrate(connection);
        SqliteSearchIndex.BackfillNames(connection);
        return store;
    }

    public async Task<ImportReport> ImportAsync(
        IReadOnlyList<ImportDocument> documents, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prepared = ImportBatch.Prepare(documents);
        await using var connection = OpenConnection();
        using (var pragmas = connection.CreateCommand())
        {
            // Writers only: WAL with synchronous=NORMAL is still atomic; it may lose the last commit on power loss, never corrupt.
            pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
            pragmas.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        var import = new SqliteImport(connection, transaction, timeProvider.GetUtcNow());
        var report = await import.RunAsync(prepared, options.RemoveMissing, progress, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    public async Task<StoredMonograph?> GetAsync(Collection collection, string slug, CancellationToken cancellationToken = default)
    {
        await using var connection = OpenConnection();
        return await SqliteReads.GetAsync(connection, collection, slug, version: null, cancellationToken);
    }

    public async Task<StoredMonograph?> GetVersionAsync(Collection collection, string slug, int version, CancellationToken cancellationToken = default)
    {
        await using var connection = OpenConnection();
        return await SqliteReads.GetAsync(connection, collection, slug, version, cancellationToken);
    }

    public async Task<IReadOnlyList<MonographVersion>> ListVersionsAsync(Collection collection, string slug, CancellationToken cancellationToken = default)
    {
        await using var connection = OpenConnection();
        return await SqliteReads.ListVersionsAsync(connection, collection, slug, cancellationToken);
    }

    public async Task<VersionDiff?> DiffAsync(Collection collection, string slug, int fromVersion, int toVersion, CancellationToken cancellationToken = default)
    {
        var from = await GetVersionAsync(collection, slug, fromVersion, cancellationToken);
        var to = await GetVersionAsync(collection, slug, toVersion, cancellationToken);
        return VersionDiff.Between(collection, slug, from, to);
    }

    public async Task<IReadOnlyList<MonographSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = OpenConnection();
        return await SqliteReads.ListAsync(connection, cancellationToken);
    }

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        search.SearchAsync(request, cancellationToken);

    public Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken = default) =>
        search.SuggestAsync(prefix, limit, cancellationToken);

    /// <summary>Closes pooled connections so the WAL is checkpointed and the file can be copied or deleted.</summary>
    public ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        return ValueTask.CompletedTask;
    }

    internal SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
