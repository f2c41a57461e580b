using Formulary.Storage.Postgres;
using Formulary.Storage.Relational;
using Formulary.Storage.Sqlite;
using Npgsql;

namespace Formulary.Storage;

/// <summary>
/// What <c>--db</c> names, read one way by every command: a PostgreSQL connection string
/// (<c>Host=…;Database=…</c>), a <c>postgresql://user:password@host:port/database</c> URL, or else a
/// SQLite file path. Opening brings the schema up to date (numbered migrations, under a lock).
/// </summary>
public static class StoreLocation
{
    public const string DefaultSqliteFile = "formulary.db";

    public static bool IsPostgres(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || (db.Contains('=', StringComparison.Ordinal) && db.Contains("host", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether a SQLite store exists yet (a PostgreSQL database is assumed to exist).</summary>
    public static bool Exists(string db) => IsPostgres(db) || File.Exists(db);

    public static async Task<RelationalStore> OpenAsync(string db, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        return IsPostgres(db)
            ? await PostgresMonographStore.OpenAsync(ConnectionString(db), timeProvider, cancellationToken)
            : SqliteMonographStore.Open(db, timeProvider);
    }

    /// <summary>
    /// Runs <paramref name="import"/> on the store <paramref name="db"/> names. A SQLite store not there yet is made by it:
    /// written under a name of its own and moved into place when done (<see cref="SqliteMonographStore.CreateAsync"/>), or,
    /// when another process made the store meanwhile, imported into that one.
    /// </summary>
    /// <returns>What the import returned, and the store's location (a SQLite file's full path).</returns>
    public static async Task<(T Result, string Location)> ImportAsync<T>(
        string db, TimeProvider timeProvider, Func<RelationalStore, Task<T>> import, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        ArgumentNullException.ThrowIfNull(import);
        if (!Exists(db))
        {
            var (created, made) = await SqliteMonographStore.CreateAsync(db, timeProvider, import);
            if (created)
            {
                return (made, Path.GetFullPath(db));
            }
        }

        await using var store = await OpenAsync(db, timeProvider, cancellationToken);
        return (await import(store), store.Location);
    }

    /// <summary>An Npgsql connection string from either PostgreSQL form (a URL's query keeps <c>sslmode</c> and <c>search_path</c>).</summary>
    public static string ConnectionString(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Contains("://", StringComparison.Ordinal))
        {
            return new NpgsqlConnectionStringBuilder(db).ConnectionString;
        }

        var url = new Uri(db);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.IsDefaultPort || url.Port < 0 ? 5432 : url.Port,
            Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')) is { Length: > 0 } name ? name : "postgres",
        };
        var userInfo = url.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (pair.Split('=', 2)[0], Uri.UnescapeDataString(pair.Split('=', 2).ElementAtOrDefault(1) ?? string.Empty));
            switch (key.ToLowerInvariant())
            {
                case "sslmode":
                    builder.SslMode = Enum.Parse<SslMode>(value, ignoreCase: true);
                    break;
                case "search_path":
                    builder.SearchPath = value;
                    break;
                default:
                    throw new ArgumentException($"'{key}' is not a PostgreSQL URL parameter Formulary understands (sslmode, search_path)");
            }
        }

        return builder.ConnectionString;
    }
}
