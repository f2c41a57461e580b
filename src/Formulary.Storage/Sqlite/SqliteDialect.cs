using System.Data.Common;
using Formulary.Monographs.Model;
using Formulary.Storage.Importing;
using Formulary.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// SQLite's side of the shared store code: the import lock is the database write lock
/// (<c>BEGIN IMMEDIATE</c>, so a second process waits for the first), models are Brotli JSON, instants ISO text.
/// </summary>
internal sealed class SqliteDialect : StoreDialect
{
    private const int SqliteBusy = 5;

    public override string BinaryCollation => string.Empty;

    public override async Task<(DbTransaction Transaction, bool Waited)> BeginImportAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        await using (var pragmas = sqlite.CreateCommand())
        {
            // Writers only: WAL with synchronous=NORMAL is still atomic; it may lose the last commit on power loss, never corrupt.
            pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }

        // First without waiting (1 s of retries), so a second import can say it waited; then as long as it takes.
        sqlite.DefaultTimeout = 1;
        try
        {
            return (sqlite.BeginTransaction(deferred: false), false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteBusy)
        {
            sqlite.DefaultTimeout = 0;
            return (sqlite.BeginTransaction(deferred: false), true);
        }
        finally
        {
            sqlite.DefaultTimeout = 60;
        }
    }

    public override object PackModel(Monograph monograph) => SqliteModel.Pack(monograph);

    public override Monograph UnpackModel(object stored) => SqliteModel.Unpack(stored);

    public override object Instant(DateTimeOffset instant) => StoreText.Instant(instant);

    public override Task RefreshSearchAsync(DbConnection connection, DbTransaction transaction, IndexRefresh refresh, CancellationToken cancellationToken) =>
        SqliteSearchIndex.RefreshAsync((SqliteConnection)connection, (SqliteTransaction)transaction, refresh, cancellationToken);
}
