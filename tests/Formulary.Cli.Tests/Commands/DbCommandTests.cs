using System.Text.Json;
using Formulary.Cli.Tests.Commands.MultiNode;
using Formulary.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Formulary.Cli.Tests.Commands;

public sealed class DbCommandTests
{
    [Fact]
    public void Migrate_NewSqliteFile_AppliesEveryMigrationThenIsUpToDate()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("formulary-migrate-").FullName, "formulary.db");

        var first = CliRun.Run("db", "migrate", "--db", db, "--json");
        var second = CliRun.Run("db", "migrate", "--db", db);

        Assert.Equal((0, 0), (first.Exit, second.Exit));
        var json = JsonDocument.Parse(first.Out).RootElement;
        Assert.Equal(json.GetProperty("schemaVersion").GetInt32(), json.GetProperty("applied").GetInt32());
        Assert.Contains("up to date", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_SqliteFileAQuarterFree_GivesThePagesBackAndKeepsTheContent()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("formulary-migrate-").FullName, "formulary.db");
        Assert.Equal(0, CliRun.Run("import", new TestContent().Root, "--db", db).Exit);
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // 2,000 pages' worth of rows, dropped: free pages, as an upgrade that rewrote tables leaves them.
            command.CommandText =
                """
                CREATE TABLE spare AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) SELECT randomblob(4000) AS b FROM n;
                DROP TABLE spare;
                PRAGMA wal_checkpoint(TRUNCATE);
                """;
            command.ExecuteNonQuery();
        }

        var before = new FileInfo(db).Length;

        var migrate = CliRun.Run("db", "migrate", "--db", db, "--json");
        var again = CliRun.Run("db", "migrate", "--db", db, "--json");
        var show = CliRun.Run("show", "clofarabine", "--db", db);

        Assert.Equal((0, 0, 0), (migrate.Exit, again.Exit, show.Exit));
        var freed = JsonDocument.Parse(migrate.Out).RootElement.GetProperty("freedBytes").GetInt64();
        Assert.True(freed >= 2000 * 4000, $"freed {freed} bytes");
        Assert.Equal(before - freed, new FileInfo(db).Length);
        Assert.Equal(0, JsonDocument.Parse(again.Out).RootElement.GetProperty("freedBytes").GetInt64());
        Assert.StartsWith("Clofarabine", show.Out, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Migrate_ImportAndShow_TakeAPostgresqlUrl()
    {
        var connectionString = await TestDatabases.CreateAsync("postgres");
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var url = $"postgresql://{Uri.EscapeDataString(builder.Username!)}@{builder.Host}:{builder.Port}/{builder.Database}?search_path={Uri.EscapeDataString(builder.SearchPath!)}";
        var content = new TestContent();

        var migrate = CliRun.Run("db", "migrate", "--db", url, "--json");
        var import = CliRun.Run("import", content.Root, "--db", url);
        var show = CliRun.Run("show", "clofarabine", "--db", connectionString);

        Assert.Equal((0, 0, 0), (migrate.Exit, import.Exit, show.Exit));
        Assert.True(JsonDocument.Parse(migrate.Out).RootElement.GetProperty("applied").GetInt32() > 0);
        Assert.Contains(": 2 added,", import.Out, StringComparison.Ordinal);
        Assert.StartsWith("Clofarabine", show.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectionString_UrlWithEscapedPasswordAndParameters_BecomesNpgsqlSettings()
    {
        var settings = new NpgsqlConnectionStringBuilder(StoreLocation.ConnectionString("postgresql://app:p%40ss%3Bword@db.example:6543/formulary?sslmode=require&search_path=site"));

        Assert.Equal(("db.example", 6543, "formulary", "app", "p@ss;word", SslMode.Require, "site"),
            (settings.Host, settings.Port, settings.Database, settings.Username, settings.Password, settings.SslMode, settings.SearchPath));
        Assert.True(StoreLocation.IsPostgres("Host=localhost;Database=x"));
        Assert.False(StoreLocation.IsPostgres("data/formulary.db"));
        Assert.Throws<ArgumentException>(() => StoreLocation.ConnectionString("postgresql://h/db?evil=1"));
    }
}
