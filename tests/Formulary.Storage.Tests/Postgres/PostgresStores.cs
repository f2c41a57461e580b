using Formulary.Storage.Postgres;
using Npgsql;

namespace Formulary.Storage.Tests.Postgres;

/// <summary>
/// Each test gets its own schema in the real PostgreSQL named by FORMULARY_TEST_PG (started by
/// <c>source scripts/test-postgres.sh start</c>). Without it the tests fail when CI=true and are
/// skipped otherwise.
/// </summary>
internal static class PostgresStores
{
    public static async Task<IMonographStore> CreateAsync(TimeProvider time)
    {
        // A long search budget: these tests check what a search finds, not how fast.
        var store = await PostgresMonographStore.OpenAsync(await NewSchemaAsync(), time);
        store.SearchBudget = TimeSpan.FromSeconds(30);
        return store;
    }

    /// <summary>A connection string whose search path starts with a new, empty schema.</summary>
    public static async Task<string> NewSchemaAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("FORMULARY_TEST_PG");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    "FORMULARY_TEST_PG is not set, but CI=true requires the PostgreSQL contract tests to run: "
                    + "start the server with 'source scripts/test-postgres.sh start' before 'dotnet test'.");
            }

            Skip.If(true, "FORMULARY_TEST_PG is not set; run 'source scripts/test-postgres.sh start' to include PostgreSQL.");
        }

        var schema = "test_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(connectionString!) { SearchPath = $"{schema},public" }.ConnectionString;
    }
}
