using Npgsql;

namespace Formulary.Cli.Tests.Commands.MultiNode;

/// <summary>
/// A fresh store for a test, named the way <c>--db</c> takes it: a SQLite file, or a new schema in the real
/// PostgreSQL of FORMULARY_TEST_PG (required when CI=true, else the PostgreSQL case is skipped).
/// </summary>
internal static class TestDatabases
{
    public static async Task<string> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            return Path.Combine(Directory.CreateTempSubdirectory("formulary-nodes-").FullName, "formulary.db");
        }

        var connectionString = Environment.GetEnvironmentVariable("FORMULARY_TEST_PG");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("FORMULARY_TEST_PG is not set, but CI=true requires the PostgreSQL multi-node tests to run.");
            }

            Skip.If(true, "FORMULARY_TEST_PG is not set.");
        }

        var schema = "nodes_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(connectionString!) { SearchPath = $"{schema},public" }.ConnectionString;
    }
}
