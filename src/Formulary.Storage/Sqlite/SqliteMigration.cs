using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// One <see cref="SqliteSchema"/> migration: its SQL and, when SQL cannot do it all (Brotli packing), code
/// run after the SQL in the same transaction. Most migrations are SQL alone, written as a string.
/// </summary>
internal sealed record SqliteMigration(string Sql, Action<SqliteConnection, SqliteTransaction>? Code = null)
{
    public static implicit operator SqliteMigration(string sql) => new(sql);
}
