using System.CommandLine;
using Formulary.Cli.Output;
using Formulary.Monographs;
using Formulary.Monographs.Loading;
using Formulary.Storage.Listing;

namespace Formulary.Cli.Commands;

/// <summary>
/// <c>formulary lint PATH [--json]</c>: parse and lint a file or a content folder; print
/// <c>path(line,col): severity CODE: message</c> lines and a summary. Exit 1 when there are errors.
/// </summary>
internal static class LintCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A monograph file or a content folder (compositions/, combinations/, medicines/)." };
        var json = new Option<bool>("--json") { Description = "Write the diagnostics as JSON (camelCase)." };
        var command = new Command("lint", "Check monographs and report problems with file, line and column.") { path, json };
        command.SetAction(result =>
        {
            var target = result.GetValue(path)!;
            var output = result.InvocationConfiguration.Output;
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                result.InvocationConfiguration.Error.WriteLine($"error: '{target}' is neither a file nor a folder");
                return FormularyCli.ExitUsage;
            }

            var set = new ContentLoader().Load(target);
            var diagnostics = set.AllDiagnostics.ToList();
            // A combination's parts are matched against the compositions loaded with it (none for a lone file).
            if (set.Monographs.Any(m => m.Collection == Collection.Composition))
            {
                diagnostics.AddRange(CombinationLint.Run([.. set.Monographs.Select(m => (m.Collection, m.Slug, m.Title, m.SourcePath, m.FrontMatter.Ingredients.Count > 0))]));
            }

            var summary = DiagnosticSummary.Of(set.Monographs.Count, diagnostics);
            if (result.GetValue(json))
            {
                CliJson.Write(output, new { summary, diagnostics });
            }
            else
            {
                foreach (var diagnostic in diagnostics)
                {
                    output.WriteLine(diagnostic.ToString());
                }

                output.WriteLine(summary.ToString());
            }

            return summary.Errors > 0 ? FormularyCli.ExitErrors : FormularyCli.ExitOk;
        });
        return command;
    }
}
