using Microsoft.AspNetCore.Connections;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Formulary.Web.Hosting;

/// <summary>
/// Says in one line why the site could not start, for the operator: a port in use, a database that is
/// corrupt, read-only, too new or unreachable, an unreadable certificate. Stack traces are for bugs.
/// </summary>
public static class StartupFailure
{
    public static string Describe(Exception exception, string urls, string database)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception switch
        {
            StartupException e => e.Message,
            IOException { InnerException: AddressInUseException } or AddressInUseException =>
                $"cannot listen on {urls}: the address is already in use (another process holds the port); choose another with --urls",
            IOException e when e.Message.StartsWith("Failed to bind", StringComparison.Ordinal) => $"cannot listen on {urls}: {e.Message}",
            SqliteException { SqliteErrorCode: 26 or 11 } e =>
                $"the database '{database}' is corrupt or not a SQLite database ({e.Message}); restore it from a backup or point --db at another file",
            SqliteException { SqliteErrorCode: 8 or 14 or 23 } e =>
                $"the database '{database}' cannot be opened for writing ({e.Message}); check the file's and the folder's permissions",
            SqliteException e => $"the database '{database}' cannot be used: {e.Message}",
            NpgsqlException e => $"the PostgreSQL database cannot be used: {e.Message}",
            InvalidOperationException e when e.Message.Contains("schema version", StringComparison.Ordinal) => e.Message,
            UnauthorizedAccessException e => $"permission denied: {e.Message}",
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
        return message.ReplaceLineEndings(" ");
    }
}
