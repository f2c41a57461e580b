using System.CommandLine;
using System.Text.Json;
using Formulary.Monographs.Loading;
using Formulary.Web.Export;
using Formulary.Web.Hosting;
using Spectre.Console;

namespace Formulary.Cli.Commands;

/// <summary>
/// <c>formulary export-site --content DIR --out DIR [--base-url URL]</c>: the whole site as static
/// files for a CDN, with a progress bar (Spectre.Console) on a terminal.
/// </summary>
internal static class ExportSiteCommand
{
    public static Command Create()
    {
        var content = new Option<string?>("--content") { Description = "Content folder (default: the bundled content/)." };
        var output = new Option<string>("--out") { Description = "Folder to write the site into.", Required = true };
        var baseUrl = new Option<string>("--base-url") { Description = "Public address of the exported site, for canonical links and the sitemap.", DefaultValueFactory = _ => "http://localhost" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("export-site", "Write every page, the sitemap, robots.txt, assets and a client-side search index as static files.")
        {
            content, output, baseUrl, json,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var folder = result.GetValue(content) ?? BundledContent.Find();
            if (folder is null || !Directory.Exists(folder))
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"export-site: content folder '{folder}' does not exist; pass --content DIR.").ConfigureAwait(false);
                return FormularyCli.ExitUsage;
            }

            // The figure people compare with the 10 s target is the whole command: reading, parsing, rendering, writing.
            var started = TimeProvider.System.GetTimestamp();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
            var asJson = result.GetValue(json);
            ContentSet? set = null;
            ExportReport? report = null;
            if (asJson || !console.Profile.Capabilities.Interactive)
            {
                set = new ContentLoader().Load(folder, progress: null, cancellationToken);
                report = await ExportAsync(set, folder, result.GetValue(output)!, result.GetValue(baseUrl)!, progress: null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var load = context.AddTask("Reading monographs");
                        set = new ContentLoader().Load(folder, new Progress<LoadProgress>(p => { load.MaxValue = p.Total; load.Value = p.Done; }), cancellationToken);
                        load.Value = load.MaxValue;
                        var write = context.AddTask("Writing pages");
                        report = await ExportAsync(set, folder, result.GetValue(output)!, result.GetValue(baseUrl)!,
                            new Progress<ExportProgress>(p => { write.MaxValue = p.Total; write.Value = p.Done; }), cancellationToken).ConfigureAwait(false);
                        write.Value = write.MaxValue;
                    }).ConfigureAwait(false);
            }

            var total = TimeProvider.System.GetElapsedTime(started);
            if (asJson)
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    documents = set!.Monographs.Count,
                    report!.Pages,
                    report.Files,
                    report.Bytes,
                    elapsedSeconds = Math.Round(total.TotalSeconds, 3),
                    renderSeconds = Math.Round(report.Elapsed.TotalSeconds, 3),
                }, new JsonSerializerOptions(JsonSerializerDefaults.Web))).ConfigureAwait(false);
            }
            else
            {
                await stdout.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"Exported {report!.Pages} pages ({report.Files} files, {report.Bytes / 1024} KiB) in {total.TotalSeconds:0.00} s (rendering and writing {report.Elapsed.TotalSeconds:0.00} s) to {result.GetValue(output)}")).ConfigureAwait(false);
            }

            return FormularyCli.ExitOk;
        });
        return command;
    }

    private static Task<ExportReport> ExportAsync(ContentSet set, string contentDirectory, string output, string baseUrl, IProgress<ExportProgress>? progress, CancellationToken cancellationToken) =>
        SiteExporter.ExportAsync(set.Monographs, Formulary.Monographs.Rules.DrugProfileCatalog.Load(contentDirectory).Profiles.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal), output, baseUrl, TimeProvider.System, progress, cancellationToken);
}
