using System.Data.Common;
using Formulary.Monographs.Model;
using Formulary.Storage.Importing;
using Formulary.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// SQLite's side of the shared store code: the import lock is the database write lock
/// (<c>BEGIN IMMEDIATE</c>, so a second process waits for the first), models and source texts are Brotli-packed, instants ISO text.
/// </summary>
internal sealed class SqliteDialect(bool unjournaled = false) : StoreDialect
{
    private const int SqliteBusy = 5;

    private int begun;
    private int committed;

    /// <summary>Whether an import begun on an unjournaled store ended without committing: its file holds whatever it wrote.</summary>
    public bool RolledBack => Volatile.Read(ref begun) != Volatile.Read(ref committed);

    public override void ImportCommitted() => Interlocked.Increment(ref committed);

    public override string BinaryCollation => string.Empty;

    public override string StoredStateTables => "documents d INDEXED BY documents_state JOIN versions v INDEXED BY versions_state";

    public override string JsonArray(string expressions) => $"json_array({expressions})";

    public override string JsonArrays(string expressions) => $"json_group_array(json_array({expressions}))";

    public override string JsonValue(string column) => $"json({column})";

    /// <summary>SQLite hands over a text value's stored UTF-8 as a blob: no UTF-16 string decoded and encoded again.</summary>
    public override ReadOnlySpan<byte> Utf8(DbDataReader reader, int ordinal, ref byte[] buffer) => reader.GetFieldValue<byte[]>(ordinal);

    public override async Task<(DbTransaction Transaction, bool Waited)> BeginImportAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        await using (var pragmas = sqlite.CreateCommand())
        {
            // Writers only: WAL with synchronous=NORMAL is still atomic; it may lose the last commit on power loss, never corrupt.
            // A new store's first import writes a file of its own (SqliteMonographStore.CreateAsync) with no journal at all: each
            // page is written once, and SQLite still syncs the file at the commit. Nothing can be rolled back, so a file whose
            // import did not commit is never put in place (RolledBack): it is deleted. (A journal in memory kept rollbacks, but
            // held 350 MB more and took 30% longer on 100,000 documents: BENCHMARKS.md, session 23.)
            pragmas.CommandText = unjournaled
                ? "PRAGMA foreign_keys = ON; PRAGMA journal_mode = OFF; PRAGMA synchronous = NORMAL;"
                : "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }

        // First without waiting (1 s of retries), so a second import can say it waited; then as long as it takes.
        sqlite.DefaultTimeout = 1;
        try
        {
            return (Begun(sqlite.BeginTransaction(deferred: false)), false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteBusy)
        {
            sqlite.DefaultTimeout = 0;
            return (Begun(sqlite.BeginTransaction(deferred: false)), true);
        }
        finally
        {
            sqlite.DefaultTimeout = 60;
        }
    }

    private SqliteTransaction Begun(SqliteTransaction transaction)
    {
        Interlocked.Increment(ref begun);
        return transaction;
    }

    /// <summary>
    /// An import that writes gets a 64 MB page cache, not SQLite's 2 MB: a whole-corpus import read its index and search
    /// pages back through the file (and the WAL's index) again and again, a fifth of its system CPU. Not before: the cache
    /// grows as pages are read, and an import that only reads the heads (an unchanged folder) paid for the memory (+12%).
    /// </summary>
    public override async Task BeforeWritesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var pragma = connection.CreateCommand();
        pragma.Transaction = transaction;
        pragma.CommandText = "PRAGMA cache_size = -65536";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
    }

    public override object PackModel(Monograph monograph) => SqliteBrotli.PackModel(monograph);

    public override Monograph UnpackModel(object stored, System.Text.Json.JsonSerializerOptions options) => SqliteBrotli.UnpackModel(stored, options);

    public override object PackSections(Versions.StoredSections sections) => SqliteBrotli.PackSections(sections);

    public override Versions.StoredSections UnpackSections(object stored) => SqliteBrotli.UnpackSections(stored);

    public override object PackText(string text) => SqliteBrotli.PackText(text);

    public override string UnpackText(object stored) => SqliteBrotli.UnpackText(stored);

    public override object Instant(DateTimeOffset instant) => StoreText.Instant(instant);

    public override async Task<string?> IntegrityProblemAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(5)";
        var found = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }

        return found is ["ok"] ? null : string.Join("; ", found);
    }

    public override Task RefreshSearchAsync(DbConnection connection, DbTransaction transaction, IndexRefresh refresh, CancellationToken cancellationToken) =>
        SqliteSearchIndex.RefreshAsync((SqliteConnection)connection, (SqliteTransaction)transaction, refresh, cancellationToken);
}
