using Formulary.Storage.Search;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// A deadline for everything run on one connection: SQLite calls the progress handler every
/// <see cref="Instructions"/> virtual-machine steps, and a non-zero answer interrupts the statement
/// (SQLITE_INTERRUPT), which <see cref="Run{T}"/> turns into <see cref="SearchTimedOutException"/>
/// (or a cancellation when the caller cancelled). Disposing removes the handler before the
/// connection goes back to the pool.
/// </summary>
internal sealed class SqliteQueryBudget : IDisposable
{
    private const int Instructions = 4_000;
    private const int Interrupted = 9; // SQLITE_INTERRUPT

    private readonly SqliteConnection connection;
    private readonly SearchDeadline deadline;
    private readonly CancellationToken cancellationToken;

    private SqliteQueryBudget(SqliteConnection connection, SearchDeadline deadline, CancellationToken cancellationToken)
    {
        this.connection = connection;
        this.cancellationToken = cancellationToken;
        this.deadline = deadline;
        raw.sqlite3_progress_handler(connection.Handle, Instructions, _ => IsSpent ? 1 : 0, null);
    }

    public bool IsSpent => cancellationToken.IsCancellationRequested || deadline.IsSpent;

    public static SqliteQueryBudget Start(SqliteConnection connection, SearchDeadline deadline, CancellationToken cancellationToken) =>
        new(connection, deadline, cancellationToken);

    /// <summary>Runs one step under the budget; an interrupted statement becomes a time-out or a cancellation.</summary>
    public async Task<T> Run<T>(Func<Task<T>> step)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (IsSpent)
        {
            throw new SearchTimedOutException();
        }

        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (SqliteException interrupted) when (interrupted.SqliteErrorCode == Interrupted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new SearchTimedOutException(interrupted);
        }
    }

    public void Dispose() => raw.sqlite3_progress_handler(connection.Handle, 0, null, null);
}
