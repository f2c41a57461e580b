using System.CommandLine;
using System.Globalization;
using Formulary.Cli.Commands.Patient;
using Formulary.Cli.Output;
using Formulary.Monographs.Rules;
using Spectre.Console;

namespace Formulary.Cli.Commands.Rules;

/// <summary><c>formulary rules status [--content DIR] [--json]</c>: every rules file by review status (reviewed, draft, errors).</summary>
internal static class RulesStatusCommand
{
    public static Command Create()
    {
        var content = new Option<string?>("--content") { Description = "Content folder (default: the bundled content/)." };
        var json = new Option<bool>("--json") { Description = "Write the list as JSON (camelCase)." };
        var command = new Command("status", "List drugs by the review status of their dose rules.") { content, json };
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var folder = result.GetValue(content) ?? ContentFolder.Locate();
            if (folder is null || !Directory.Exists(folder))
            {
                result.InvocationConfiguration.Error.WriteLine(folder is null
                    ? "error: no content folder found (looked for content/compositions above the current directory); pass --content DIR"
                    : $"error: content folder '{folder}' does not exist");
                return FormularyCli.ExitErrors;
            }

            var files = DrugProfileCatalog.Load(folder).Files
                .OrderBy(f => Rank(f.Status)).ThenBy(f => f.Slug, StringComparer.Ordinal).ToList();
            if (result.GetValue(json))
            {
                CliJson.Write(output, files);
                return FormularyCli.ExitOk;
            }

            var console = PlainConsole.Create(output, 160);
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in new[] { "Status", "Drug", "Regimens", "Reviewed by", "On", "Errors" })
            {
                table.AddColumn(header);
            }

            foreach (var file in files)
            {
                table.AddRow(
                    new Text(file.Status), new Text(file.Slug), new Text(file.Regimens.ToString(CultureInfo.InvariantCulture)),
                    new Text(file.ReviewedBy ?? string.Empty), new Text(file.ReviewedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty),
                    new Text(file.Errors.ToString(CultureInfo.InvariantCulture)));
            }

            console.Write(table);
            console.WriteLine(Invariant(
                $"{files.Count(f => f.Status == RulesFileStatus.Reviewed)} reviewed, {files.Count(f => f.Status == RulesFileStatus.Draft)} draft, {files.Count(f => f.Status == RulesFileStatus.Invalid)} with errors."));
            return FormularyCli.ExitOk;
        });
        return command;
    }

    private static int Rank(string status) => status switch
    {
        RulesFileStatus.Invalid => 0,
        RulesFileStatus.Draft => 1,
        _ => 2,
    };
}
