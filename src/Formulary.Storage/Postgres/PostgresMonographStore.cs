using Formulary.Monographs;
using Formulary.Storage.Importing;
using Formulary.Storage.Listing;
using Formulary.Storage.Search;
using Formulary.Storage.Versions;
using Npgsql;

namespace Formulary.Storage.Postgres;

/// <summary>
/// The same store on PostgreSQL (Npgsql): tables in the connection's current schema, full-text search
/// with tsvector and a name vocabulary with pg_trgm. For sites that already run PostgreSQL.
/// </summary>
public sealed class PostgresMonographStore : IMonographStore
{
    private readonly NpgsqlDataSource dataSource;
    private readonly TimeProvider timeProvider;

    private PostgresMonographStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
    {
        this.dataSource = dataSource;
        this.timeProvider = timeProvider;
    }

    /// <summary>Connects and brings the schema up to date (creating pg_trgm and unaccent in <c>public</c> when missing).</summary>
    public static async Task<PostgresMonographStore> OpenAsync(string connectionString, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await PostgresSchema.MigrateAsync(dataSource, cancellationToken);
            await PostgresSearchIndex.BackfillNamesAsync(dataSource, cancellationToken);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }

        return new PostgresMonographStore(dataSource, timeProvider);
    }

    public async Task<ImportReport> ImportAsync(
        IReadOnlyList<ImportDocument> documents, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prepared = ImportBatch.Prepare(documents);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var report = await new PostgresImport(connection, timeProvider.GetUtcNow()).RunAsync(prepared, options.RemoveMissing, progress, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    public Task<StoredMonograph?> GetAsync(Collection collection, string slug, CancellationToken cancellationToken = default) =>
        PostgresReads.GetAsync(dataSource, collection, slug, version: null, cancellationToken);

    public Task<StoredMonograph?> GetVersionAsync(Collection collection, string slug, int version, CancellationToken cancellationToken = default) =>
        PostgresReads.GetAsync(dataSource, collection, slug, version, cancellationToken);

    public Task<IReadOnlyList<MonographVersion>> ListVersionsAsync(Collection collection, string slug, CancellationToken cancellationToken = default) =>
        PostgresReads.ListVersionsAsync(dataSource, collection, slug, cancellationToken);

    public async Task<VersionDiff?> DiffAsync(Collection collection, string slug, int fromVersion, int toVersion, CancellationToken cancellationToken = default)
    {
        var from = await GetVersionAsync(collection, slug, fromVersion, cancellationToken);
        var to = await GetVersionAsync(collection, slug, toVersion, cancellationToken);
        return VersionDiff.Between(collection, slug, from, to);
    }

    public Task<IReadOnlyList<MonographSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        PostgresReads.ListAsync(dataSource, cancellationToken);

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        PostgresSearch.SearchAsync(dataSource, request, cancellationToken);

    public Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken = default) =>
        PostgresSearch.SuggestAsync(dataSource, prefix, limit, cancellationToken);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
