using System.CommandLine;
using System.Text.Json;
using Formulary.Monographs.Loading;
using Formulary.Storage.Listing;
using Formulary.Web.Export;
using Formulary.Web.Hosting;
using Spectre.Console;

namespace Formulary.Cli.Commands;

/// <summary>
/// <c>formulary export-site [--db DB | --content DIR] --out DIR [--base-url URL]</c>: the whole site as
/// static files for a CDN, with a progress bar (Spectre.Console) on a terminal. With <c>--db</c> the
/// pages come from the store (the latest accepted version of each document, as <c>serve</c> shows them);
/// with <c>--content</c> (or neither: the bundled content) from a folder, for an editor's preview: the folder is
/// published first, as <c>import</c> publishes it, into a throw-away store (<see cref="FolderStore"/>), so the site holds
/// exactly what an import would publish; the import's findings are printed, and the command ends with 1, naming the
/// documents left out, when one was refused or rejected.
/// </summary>
internal static class ExportSiteCommand
{
    public static Command Create()
    {
        var content = new Option<string?>("--content") { Description = "Content folder (default: the bundled content/)." };
        var database = new Option<string?>("--db") { Description = "Export what the store holds (a SQLite file, a PostgreSQL connection string or URL) instead of a folder." };
        var output = new Option<string>("--out") { Description = "Folder to write the site into.", Required = true };
        var baseUrl = new Option<string>("--base-url") { Description = "Public address of the exported site, for canonical links and the sitemap.", DefaultValueFactory = _ => "http://localhost" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("export-site", "Write every page, the sitemap, robots.txt, assets and a client-side search index as static files.")
        {
            content, database, output, baseUrl, json,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var db = result.GetValue(database);
            if (db is not null && result.GetValue(content) is not null)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync("export-site: give --db or --content, not both.").ConfigureAwait(false);
                return FormularyCli.ExitUsage;
            }

            if (db is not null && ImportCommand.MissingStore(db) is { } missing)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync(missing).ConfigureAwait(false);
                return FormularyCli.ExitErrors;
            }

            var folder = db is not null ? null : result.GetValue(content) ?? BundledContent.Find();
            if (db is null && (folder is null || !Directory.Exists(folder)))
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"export-site: content folder '{folder}' does not exist; pass --content DIR.").ConfigureAwait(false);
                return FormularyCli.ExitUsage;
            }

            // The figure people compare with the 10 s target is the whole command: reading, parsing, rendering, writing.
            var started = TimeProvider.System.GetTimestamp();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
            var asJson = result.GetValue(json);
            Source? set = null;
            ExportReport? report = null;
            try
            {
                if (asJson || !console.Profile.Capabilities.Interactive)
                {
                    set = await ReadAsync(folder, db, progress: null, cancellationToken).ConfigureAwait(false);
                    report = await ExportAsync(set, result.GetValue(output)!, result.GetValue(baseUrl)!, progress: null, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                        .StartAsync(async context =>
                        {
                            var load = context.AddTask(db is null ? "Reading monographs" : "Reading the store");
                            set = await ReadAsync(folder, db, new Progress<LoadProgress>(p => { load.MaxValue = p.Total; load.Value = p.Done; }), cancellationToken).ConfigureAwait(false);
                            load.Value = load.MaxValue;
                            var write = context.AddTask("Writing pages");
                            report = await ExportAsync(set, result.GetValue(output)!, result.GetValue(baseUrl)!,
                                new Progress<ExportProgress>(p => { write.MaxValue = p.Total; write.Value = p.Done; }), cancellationToken).ConfigureAwait(false);
                            write.Value = write.MaxValue;
                        }).ConfigureAwait(false);
                }
            }
            finally
            {
                if (set is not null)
                {
                    await set.DisposeAsync().ConfigureAwait(false);
                }
            }

            var total = TimeProvider.System.GetElapsedTime(started);
            var published = set!.Published;
            var refused = published?.Import is { } import
                ? import.Documents.Where(d => d.Outcome is Storage.Importing.ImportOutcome.Failed or Storage.Importing.ImportOutcome.Rejected).ToList()
                : [];
            var leftOut = refused.Select(d => ImportCommand.Located(published!, d.SourcePath)).ToList();
            if (published is not null && !asJson)
            {
                ImportCommand.WriteFindings(stdout, published);
                await stdout.WriteLineAsync(ImportCommand.Summary(published).ToString()).ConfigureAwait(false);
            }

            if (asJson)
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    documents = set!.Summaries.Count,
                    report!.Pages,
                    report.Files,
                    report.Bytes,
                    elapsedSeconds = Math.Round(total.TotalSeconds, 3),
                    renderSeconds = Math.Round(report.Elapsed.TotalSeconds, 3),
                    leftOut = refused.Select(d => new { file = ImportCommand.Located(published!, d.SourcePath), reason = d.FailureReason }),
                    findings = published is null ? null : ImportCommand.Summary(published),
                }, new JsonSerializerOptions(JsonSerializerDefaults.Web))).ConfigureAwait(false);
            }
            else
            {
                await stdout.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"Exported {report!.Pages} pages ({report.Files} files, {report.Bytes / 1024} KiB) in {total.TotalSeconds:0.00} s (rendering and writing {report.Elapsed.TotalSeconds:0.00} s) to {result.GetValue(output)}")).ConfigureAwait(false);
            }

            if (published?.HasProblems == true)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"export-site: {leftOut.Count} document(s) left out of the site (import refuses them): {string.Join(", ", leftOut)}")).ConfigureAwait(false);
                return FormularyCli.ExitErrors;
            }

            return FormularyCli.ExitOk;
        });
        return command;
    }

    /// <summary>
    /// The documents to export (their summaries, and their monographs as a stream read while pages are written)
    /// and the drugs whose pages get the dose section; disposing it closes the store it reads from. <see cref="Published"/>:
    /// what publishing the folder did (null when exporting a store).
    /// </summary>
    private sealed record Source(
        IReadOnlyList<MonographSummary> Summaries,
        IAsyncEnumerable<Formulary.Storage.Versions.LiveMonographRow> Monographs,
        IReadOnlySet<string> DrugsWithDoseRules,
        IAsyncDisposable Store,
        Formulary.Storage.Publishing.PublishReport? Published) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Store.DisposeAsync();
    }

    /// <summary>
    /// A folder is published into a throw-away store first (<see cref="FolderStore"/>); then the store is listed and its
    /// monographs read in one statement as their pages are written (bounded memory at any size).
    /// </summary>
    private static async Task<Source> ReadAsync(string? folder, string? database, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        if (database is null)
        {
            var published = await FolderStore.PublishAsync(folder!, progress, cancellationToken).ConfigureAwait(false);
            return await SourceAsync(published.Store, published, published.Report, cancellationToken).ConfigureAwait(false);
        }

        var store = await Formulary.Storage.StoreLocation.OpenAsync(database, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        var source = await SourceAsync(store, store, null, cancellationToken).ConfigureAwait(false);
        progress?.Report(new LoadProgress(source.Summaries.Count, source.Summaries.Count, string.Empty));
        return source;
    }

    private static async Task<Source> SourceAsync(
        Formulary.Storage.IMonographStore store, IAsyncDisposable owner, Formulary.Storage.Publishing.PublishReport? published, CancellationToken cancellationToken)
    {
        try
        {
            var summaries = await store.ListAsync(cancellationToken).ConfigureAwait(false);
            return new Source(summaries, store.ReadLiveAsync(cancellationToken), Formulary.Storage.Rules.DrugRules.Drugs(summaries), owner, published);
        }
        catch
        {
            await owner.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static Task<ExportReport> ExportAsync(Source source, string output, string baseUrl, IProgress<ExportProgress>? progress, CancellationToken cancellationToken) =>
        SiteExporter.ExportAsync(source.Summaries, source.Monographs, source.DrugsWithDoseRules, output, baseUrl, TimeProvider.System, progress, cancellationToken);
}
