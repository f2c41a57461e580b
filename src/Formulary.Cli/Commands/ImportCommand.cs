using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Formulary.Cli.Output;
using Formulary.Monographs.Loading;
using Formulary.Storage;
using Formulary.Storage.Importing;
using Formulary.Storage.Publishing;
using Spectre.Console;

namespace Formulary.Cli.Commands;

/// <summary>
/// <c>formulary import PATH [--db DB] [--prune [--force]] [--rehash] [--json]</c>: publish a content folder (or one
/// file) into the store through <see cref="ContentPublisher"/>: unchanged files are only hashed, or not read at all
/// when their recorded stamp vouches for them (<c>--rehash</c>: always read), changed
/// ones become new versions, a document with errors of its own is kept as a rejected version and never
/// published. Nothing is removed unless <c>--prune</c> (guarded: see <see cref="PruneGuard"/>). Prints each
/// parsed document's diagnostics and the counts. Exit 0 when every document was published or unchanged,
/// 1 when one was refused or rejected, the prune was refused or the database could not be used, 2 on bad usage.
/// </summary>
internal static class ImportCommand
{
    public const string DefaultDatabase = StoreLocation.DefaultSqliteFile;

    public static Option<string> DatabaseOption() => new("--db")
    {
        Description = "The store: a SQLite file (created if missing), a PostgreSQL connection string (Host=…;Database=…) or a postgresql:// URL.",
        DefaultValueFactory = _ => DefaultDatabase,
    };

    /// <summary>
    /// Why a command that only reads the store cannot run: the SQLite file <paramref name="database"/> names does not exist
    /// (opening it would make an empty store, and the command would answer from nothing); null when it can.
    /// </summary>
    public static string? MissingStore(string database) =>
        StoreLocation.Exists(database) ? null : $"error: database '{database}' does not exist; run 'formulary import PATH --db {database}' first";

    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A content folder (compositions/, combinations/, medicines/) or one monograph file." };
        var db = DatabaseOption();
        var prune = new Option<bool>("--prune") { Description = "Mark stored documents missing from the folder removed (refused above 10% of the store, or without collection folders, unless --force)." };
        var force = new Option<bool>("--force") { Description = "With --prune: remove even when the guard would refuse." };
        var json = new Option<bool>("--json") { Description = "Write the import report as JSON (camelCase)." };
        var rehash = new Option<bool>("--rehash") { Description = "Read and hash every file, even one whose size, times and inode are those recorded when it was last read." };
        var command = new Command("import", "Publish monographs into the store: unchanged ones are kept, changed ones become new versions, ones with errors are rejected.")
        {
            path, db, prune, force, json, rehash,
        };
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
            var options = new PublishOptions(result.GetValue(prune), result.GetValue(force), result.GetValue(rehash));
            var database = result.GetValue(db)!;
            try
            {
                var interactive = !asJson && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
                var (report, location) = await StoreLocation.ImportAsync(database, TimeProvider.System, store => interactive
                    ? WithProgressBarAsync(store, target, options, cancellationToken)
                    : ContentPublisher.PublishAsync(store, target, options, cancellationToken: cancellationToken), cancellationToken);
                if (report.PruneRefusal is { } refusal)
                {
                    await error.WriteLineAsync("error: " + refusal);
                }

                if (report.Import is { Waited: true })
                {
                    await error.WriteLineAsync("note: another import held the store; this one waited for it to finish");
                }

                Write(output, asJson, location, report);
                return report.HasProblems ? FormularyCli.ExitErrors : FormularyCli.ExitOk;
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                await error.WriteLineAsync($"error: cannot import into '{database}': {e.Message}");
                return FormularyCli.ExitErrors;
            }
        });
        return command;
    }

    private static async Task<PublishReport> WithProgressBarAsync(IMonographStore store, string target, PublishOptions options, CancellationToken cancellationToken) =>
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var reading = context.AddTask("Reading");
                var importing = context.AddTask("Importing");
                var loadProgress = new Progress<LoadProgress>(p => (reading.MaxValue, reading.Value) = (p.Total, p.Done));
                var importProgress = new Progress<ImportProgress>(p => (importing.MaxValue, importing.Value) = (p.Total, p.Done));
                var result = await ContentPublisher.PublishAsync(store, target, options, loadProgress, importProgress, cancellationToken);
                reading.Value = reading.MaxValue;
                importing.Value = importing.MaxValue;
                return result;
            });

    /// <summary>
    /// Every finding of a publication, a line each in the compilers' format, with each document not imported or rejected
    /// and why; paths joined to the folder as it was given (the store keeps them relative to it), as editors expect.
    /// </summary>
    public static void WriteFindings(TextWriter output, PublishReport publish)
    {
        var report = publish.Import ?? new ImportReport([]);
        foreach (var diagnostic in publish.LooseDiagnostics)
        {
            output.WriteLine((diagnostic with { File = Located(publish, diagnostic.File) }).ToString());
        }

        foreach (var document in report.Documents)
        {
            foreach (var diagnostic in document.Diagnostics)
            {
                output.WriteLine((diagnostic with { File = Located(publish, diagnostic.File) }).ToString());
            }

            if (document.Outcome is ImportOutcome.Failed)
            {
                output.WriteLine($"{Located(publish, document.SourcePath)}: not imported: {document.FailureReason}");
            }
            else if (document.Outcome is ImportOutcome.Rejected)
            {
                output.WriteLine($"{Located(publish, document.SourcePath)}: rejected as version {document.Version}: {document.FailureReason}");
            }
        }
    }

    /// <summary>The counts of a publication's findings by severity, its documents' and the listing's.</summary>
    public static DiagnosticSummary Summary(PublishReport publish) =>
        DiagnosticSummary.Of(publish.Files, [.. (publish.Import?.Documents ?? []).SelectMany(d => d.Diagnostics), .. publish.LooseDiagnostics]);

    /// <summary>A path the store keeps (relative to the content root) as the folder was given.</summary>
    public static string Located(PublishReport publish, string file) => Path.Join(publish.ContentRoot, file);

    private static void Write(TextWriter output, bool asJson, string location, PublishReport publish)
    {
        var report = publish.Import ?? new ImportReport([]);
        var summary = Summary(publish);
        if (asJson)
        {
            CliJson.Write(output, new ImportJson(
                location, publish.ContentRoot, publish.Files, publish.Parsed, publish.Read,
                report.Added, report.Changed, report.Unchanged, report.Reparsed, report.Removed, report.Failed, report.Rejected,
                report.Waited, report.Generation, publish.PruneRefusal, summary.Errors, summary.Warnings,
                [.. report.Documents.Select(ImportJson.Document.From)], ImportJson.Finding.From(publish.LooseDiagnostics)), CliJsonContext.Default.ImportJson);
            return;
        }

        WriteFindings(output, publish);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{publish.Files} document(s) into {location}: {report.Added} added, {report.Changed} changed, {report.Unchanged} unchanged, {report.Removed} removed, {report.Failed} failed, {report.Rejected} rejected; {summary.Errors} error(s), {summary.Warnings} warning(s); {publish.Read} read{(report.Reparsed > 0 ? $"; {report.Reparsed} re-parsed (stored by another parser version)" : "")}"));
    }
}
