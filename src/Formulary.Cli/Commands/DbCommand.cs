using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Formulary.Cli.Output;
using Formulary.Storage;
using Formulary.Storage.Sqlite;

namespace Formulary.Cli.Commands;

/// <summary>
/// <c>formulary db migrate [--db DB] [--json]</c>: creates the store or brings its schema up to date through
/// the numbered migrations (each in one transaction, under the store's lock: SQLite's write lock, a
/// PostgreSQL advisory lock), and says which version it is at. <c>serve</c> and <c>import</c> do the same on
/// start; this command lets an upgrade migrate once before the nodes restart, and gives a SQLite file's
/// free pages back when they are a quarter of it or more (<see cref="SqliteMonographStore.Compact"/>: the
/// schema-12 upgrade frees a fifth to a third). Exit 1 when the database cannot be used or is newer than this Formulary.
/// </summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var db = ImportCommand.DatabaseOption();
        var json = new Option<bool>("--json") { Description = "Write the result as JSON (camelCase)." };
        var migrate = new Command("migrate", "Create the store or apply its pending schema migrations.") { db, json };
        migrate.SetAction(async (result, cancellationToken) =>
        {
            var database = result.GetValue(db)!;
            try
            {
                await using var store = await StoreLocation.OpenAsync(database, TimeProvider.System, cancellationToken);
                var (version, applied) = store.Schema;
                var freedBytes = store is SqliteMonographStore sqlite ? sqlite.Compact() : 0;
                if (result.GetValue(json))
                {
                    CliJson.Write(result.InvocationConfiguration.Output, new { database = store.Location, schemaVersion = version, applied, freedBytes });
                }
                else
                {
                    await result.InvocationConfiguration.Output.WriteLineAsync(applied == 0
                        ? $"{store.Location}: schema version {version}, up to date"
                        : $"{store.Location}: applied {applied} migration(s), now at schema version {version}");
                    if (freedBytes > 0)
                    {
                        await result.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{store.Location}: compacted, {freedBytes} bytes freed"));
                    }
                }

                return FormularyCli.ExitOk;
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"error: cannot migrate '{database}': {e.Message}");
                return FormularyCli.ExitErrors;
            }
        });
        return new Command("db", "Manage the store's database.") { migrate };
    }
}
