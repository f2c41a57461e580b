using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage;

/// <summary>Tells a store that is busy or away for a moment (retry later) from a fault that will not pass by itself.</summary>
public static class StoreFaults
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>
    /// True for a SQLite file held past the busy timeout (SQLITE_BUSY, SQLITE_LOCKED and their extended codes),
    /// a transient provider fault (Npgsql: connection refused or reset, server shutting down) and timeouts.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked,
        DbException { IsTransient: true } or TimeoutException => true,
        _ => false,
    };
}
