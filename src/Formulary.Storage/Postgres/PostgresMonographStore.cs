using System.Data.Common;
using Formulary.Storage.Relational;
using Formulary.Storage.Search;
using Npgsql;

namespace Formulary.Storage.Postgres;

/// <summary>
/// The same store on PostgreSQL (Npgsql): tables in the connection's current schema, full-text search
/// with tsvector. For several nodes over one database.
/// </summary>
public sealed class PostgresMonographStore : RelationalStore
{
    private readonly NpgsqlDataSource dataSource;
    private readonly NameVocabularyCache vocabulary;

    private PostgresMonographStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
        : base(timeProvider)
    {
        this.dataSource = dataSource;
        vocabulary = new(async token => await dataSource.OpenConnectionAsync(token));
        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Location = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
    }

    public override string Location { get; }

    private protected override StoreDialect Dialect { get; } = new PostgresDialect();

    /// <summary>Connects and brings the schema up to date (creating pg_trgm and unaccent in <c>public</c> when missing).</summary>
    public static async Task<PostgresMonographStore> OpenAsync(string connectionString, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        int applied;
        try
        {
            applied = await PostgresSchema.MigrateAsync(dataSource, cancellationToken);
            await PostgresSearchIndex.BackfillNamesAsync(dataSource, cancellationToken);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await StoreBrowse.BackfillAsync(connection, cancellationToken);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }

        return new PostgresMonographStore(dataSource, timeProvider) { Schema = (PostgresSchema.LatestVersion, applied) };
    }

    private protected override Task<SearchResults> SearchAsync(SearchRequest request, TimeSpan budget, CancellationToken cancellationToken) =>
        PostgresSearch.SearchAsync(dataSource, vocabulary, Index, request, SearchDeadline.For(request, budget, TimeProvider), cancellationToken);

    public override Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken = default) =>
        PostgresSearch.SuggestAsync(dataSource, prefix, limit, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        await StopSearchIndexAsync();
        await dataSource.DisposeAsync();
    }

    private protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);
}
