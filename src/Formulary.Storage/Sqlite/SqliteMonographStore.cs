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
    private readonly SqliteSearch search = new();

    private SqliteMonographStore(string path, TimeProvider timeProvider)
        : base(timeProvider)
    {
        DatabasePath = Path.GetFullPath(path);
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

        var applied = SqliteSchema.Migrate(connection);
        return new SqliteMonographStore(path, timeProvider) { Schema = (SqliteSchema.LatestVersion, applied) };
    }

    public override async Task<SearchResults> SearchAsync(string query, int limit, int offset, CancellationToken cancellationToken = default)
    {
        await using var connection = OpenConnection();
        return await search.SearchAsync(connection, query, limit, offset, cancellationToken);
    }

    /// <summary>Closes pooled connections so the WAL is checkpointed and the file can be copied or deleted.</summary>
    public override ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        return ValueTask.CompletedTask;
    }

    private protected override ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<DbConnection>(OpenConnection());

    internal SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
