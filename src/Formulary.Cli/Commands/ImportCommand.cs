using System.CommandLine;
using System.Globalization;
using Formulary.Cli.Output;
using Formulary.Monographs.Loading;
using Formulary.Storage.Importing;
using Formulary.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Spectre.Console;

namespace Formulary.Cli.Commands;

/// <summary>
/// <c>formulary import PATH [--db FILE] [--json]</c>: parse a content folder (or one file) and import
/// it into the SQLite database in one transaction. A folder is the whole content set, so documents
/// no longer in it are marked removed; a single file imports just that file. Prints each document's
/// diagnostics and the counts. Exit 0 when every document was accepted, 1 when one was refused or
/// the database could not be used, 2 on bad usage.
/// </summary>
internal static class ImportCommand
{
    public const string DefaultDatabase = "formulary.db";

    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A content folder (compositions/, combinations/, medicines/) or one monograph file." };
        var db = new Option<string>("--db") { Description = "The SQLite database file (created if missing).", DefaultValueFactory = _ => DefaultDatabase };
        var json = new Option<bool>("--json") { Description = "Write the import report as JSON (camelCase)." };
        var command = new Command("import", "Import monographs into the database: unchanged ones are kept, changed ones become new versions.") { path, db, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var target = result.GetValue(path)!;
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                await error.WriteLineAsync($"error: '{target}' is neither a file nor a folder");
                return FormularyCli.ExitUsage;
            }

            var asJson = result.GetValue(json);
            var options = Directory.Exists(target) ? ImportOptions.WholeContentSet : ImportOptions.Partial;
            var databasePath = result.GetValue(db)!;
            try
            {
                await using var store = SqliteMonographStore.Open(databasePath, TimeProvider.System);
                var interactive = !asJson && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
                var (content, report) = interactive
                    ? await WithProgressBarAsync(store, target, options, cancellationToken)
                    : await RunAsync(store, target, options, null, null, cancellationToken);
                Write(output, asJson, store.DatabasePath, content, report);
                return report.Failed > 0 ? FormularyCli.ExitErrors : FormularyCli.ExitOk;
            }
            catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: cannot import into '{databasePath}': {e.Message}");
                return FormularyCli.ExitErrors;
            }
        });
        return command;
    }

    private static async Task<(ContentSet Content, ImportReport Report)> RunAsync(
        SqliteMonographStore store,
        string target,
        ImportOptions options,
        IProgress<LoadProgress>? loadProgress,
        IProgress<ImportProgress>? importProgress,
        CancellationToken cancellationToken)
    {
        var content = new ContentLoader().Load(target, loadProgress, cancellationToken);
        var report = await store.ImportAsync(content, options, importProgress, cancellationToken);
        return (content, report);
    }

    private static async Task<(ContentSet Content, ImportReport Report)> WithProgressBarAsync(
        SqliteMonographStore store, string target, ImportOptions options, CancellationToken cancellationToken) =>
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var parsing = context.AddTask("Parsing");
                var importing = context.AddTask("Importing");
                var loadProgress = new Progress<LoadProgress>(p => (parsing.MaxValue, parsing.Value) = (p.Total, p.Done));
                var importProgress = new Progress<ImportProgress>(p => (importing.MaxValue, importing.Value) = (p.Total, p.Done));
                var result = await RunAsync(store, target, options, loadProgress, importProgress, cancellationToken);
                parsing.Value = parsing.MaxValue;
                importing.Value = importing.MaxValue;
                return result;
            });

    private static void Write(TextWriter output, bool asJson, string databasePath, ContentSet content, ImportReport report)
    {
        var diagnostics = report.Documents.SelectMany(d => d.Diagnostics).ToList();
        var summary = DiagnosticSummary.Of(content.Monographs.Count, diagnostics);
        if (asJson)
        {
            CliJson.Write(output, new
            {
                database = databasePath,
                report.Added,
                report.Changed,
                report.Unchanged,
                report.Reparsed,
                report.Removed,
                report.Failed,
                summary.Errors,
                summary.Warnings,
                report.Documents,
            });
            return;
        }

        foreach (var document in report.Documents)
        {
            foreach (var diagnostic in document.Diagnostics)
            {
                output.WriteLine(diagnostic.ToString());
            }

            if (document.Outcome == ImportOutcome.Failed)
            {
                output.WriteLine($"{document.SourcePath}: not imported: {document.FailureReason}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{content.Monographs.Count} document(s) into {databasePath}: {report.Added} added, {report.Changed} changed, {report.Unchanged} unchanged, {report.Removed} removed, {report.Failed} failed; {summary.Errors} error(s), {summary.Warnings} warning(s){(report.Reparsed > 0 ? $"; {report.Reparsed} re-parsed (stored by another parser version)" : "")}"));
    }
}
