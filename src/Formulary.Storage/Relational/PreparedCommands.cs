using System.Data.Common;

namespace Formulary.Storage.Relational;

/// <summary>
/// The commands of one transaction, each made (and so prepared) once per SQL text and run again with new values:
/// an import runs the same few statements for every document and a feedback batch the same insert for every entry,
/// and preparing the SQL again each time was a large part of writing one row. Text values are kept as both stores
/// keep them (<see cref="StoreText.Clean"/>); null is stored as NULL.
/// </summary>
internal sealed class PreparedCommands(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> commands = new(StringComparer.Ordinal);

    /// <summary>How many distinct statements were prepared (tests: a batch prepares each once).</summary>
    public int Count => commands.Count;

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await Command(sql, parameters).ExecuteNonQueryAsync(cancellationToken);

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await Command(sql, parameters).ExecuteScalarAsync(cancellationToken);

    /// <summary>
    /// The command for <paramref name="sql"/>, made on its first use with these parameter names, its values set to these
    /// (a statement's call sites pass its parameters in one order, so they are set by position).
    /// </summary>
    /// <remarks>
    /// Each name is given with the <c>@</c> the SQL writes: Microsoft.Data.Sqlite looks a bare name up, fails, then tries
    /// it with each prefix, allocating the name and its UTF-8 bytes every time, for every parameter of every row (5% of
    /// a fresh import's allocations). Npgsql takes <c>@name</c> as <c>name</c>.
    /// </remarks>
    private DbCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                command.Parameters.Add(parameter);
            }

            commands.Add(sql, command);
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            var (name, value) = parameters[i];
            var parameter = command.Parameters[i];
            if (!parameter.ParameterName.AsSpan(1).SequenceEqual(name))
            {
                throw new InvalidOperationException($"the parameters of '{sql}' are passed in another order than when it was prepared");
            }

            parameter.Value = value is string text ? StoreText.Clean(text) : value ?? DBNull.Value;
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in commands.Values)
        {
            await command.DisposeAsync();
        }

        commands.Clear();
    }
}
