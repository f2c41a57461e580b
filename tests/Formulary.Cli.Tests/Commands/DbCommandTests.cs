using System.Text.Json;
using Formulary.Cli.Tests.Commands.MultiNode;
using Formulary.Storage;
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
