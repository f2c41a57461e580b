using System.CommandLine;
using Formulary.Cli.Output;
using Formulary.Monographs;
using Formulary.Monographs.Loading;
using Formulary.Monographs.Model;
using Formulary.Monographs.Rules;
using Formulary.Monographs.Rules.Drafting;
using Spectre.Console;

namespace Formulary.Cli.Commands.Rules;

/// <summary>
/// <c>formulary rules draft PATH [--out DIR] [--json]</c>: reads the Dosage section of one composition
/// or of every composition under a content folder and writes <c>{slug}.rules.yaml</c> (beside the
/// monograph, or under --out) with <c>review: { status: draft }</c>. A file whose review status is not
/// draft (reviewed, or hand-written schema 1) is never overwritten. Offline and deterministic.
/// </summary>
internal static class RulesDraftCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A composition monograph (.md) or a content folder." };
        var outDir = new Option<string?>("--out") { Description = "Write the drafts into this folder instead of beside each monograph." };
        var json = new Option<bool>("--json") { Description = "Print, per drug: slug, file, regimens, renal bands and unread sentences (camelCase JSON)." };
        var command = new Command("draft", "Draft dose rules from monographs' Dosage sections (machine-read, for an editor to review).") { path, outDir, json };
        command.SetAction(result =>
        {
            var target = result.GetValue(path)!;
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                error.WriteLine($"error: '{target}' is neither a file nor a folder");
                return FormularyCli.ExitUsage;
            }

            var asJson = result.GetValue(json);
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            var monographs = Load(target, asJson || !console.Profile.Capabilities.Interactive ? null : console);
            var written = new List<DraftSummary>();
            var destination = result.GetValue(outDir);
            try
            {
                if (destination is not null)
                {
                    Directory.CreateDirectory(destination);
                }

                foreach (var monograph in monographs)
                {
                    written.Add(Write(monograph, destination));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: cannot write the drafts: {e.Message}");
                return FormularyCli.ExitErrors;
            }

            if (asJson)
            {
                CliJson.Write(output, written);
            }
            else
            {
                Print(output, written);
            }

            return FormularyCli.ExitOk;
        });
        return command;
    }

    /// <summary>The compositions of a folder (in slug order), or the one file given.</summary>
    private static List<Monograph> Load(string target, IAnsiConsole? console)
    {
        if (File.Exists(target))
        {
            return [new ContentLoader().Read(Collection.Composition, target)];
        }

        ContentSet? set = null;
        if (console is null)
        {
            set = new ContentLoader().Load(target);
        }
        else
        {
            console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("Reading monographs");
                    set = new ContentLoader().Load(target, new Progress<LoadProgress>(p => (task.MaxValue, task.Value) = (p.Total, p.Done)));
                    task.Value = task.MaxValue;
                });
        }

        return [.. set!.Monographs.Where(m => m.Collection == Collection.Composition).OrderBy(m => m.Slug, StringComparer.Ordinal)];
    }

    private static DraftSummary Write(Monograph monograph, string? destination)
    {
        var draft = RulesDrafter.Draft(monograph);
        var file = destination is null
            ? RulesLoader.RulesPathFor(monograph.SourcePath)
            : Path.Combine(destination, monograph.Slug + RulesLoader.Suffix);
        if (File.Exists(file) && RulesLoader.ReviewStatusOf(File.ReadAllText(file)) != "draft")
        {
            return DraftSummary.Of(draft, file, DraftSummary.KeptFile);
        }

        File.WriteAllText(file, DraftYamlWriter.Write(draft, Path.GetFileName(monograph.SourcePath)));
        return DraftSummary.Of(draft, file, DraftSummary.WrittenFile);
    }

    private static void Print(TextWriter output, IReadOnlyList<DraftSummary> drafts)
    {
        var console = PlainConsole.Create(output, 160);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in new[] { "Drug", "Regimens", "Renal bands", "Unread", "File" })
        {
            table.AddColumn(header);
        }

        foreach (var draft in drafts)
        {
            table.AddRow(
                new Text(draft.Slug),
                new Text(draft.Regimens.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(draft.Renal.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(draft.Unread.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(draft.Written == DraftSummary.KeptFile ? draft.File + " (kept: not a draft)" : draft.File));
        }

        console.Write(table);
        console.WriteLine(Invariant($"{drafts.Count(d => d.Written == DraftSummary.WrittenFile)} draft(s) written, {drafts.Count(d => d.Written == DraftSummary.KeptFile)} reviewed file(s) kept."));
    }
}
