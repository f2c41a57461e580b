using System.CommandLine;
using Formulary.Cli.Output;
using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Profiles;

namespace Formulary.Cli.Commands.Patient;

/// <summary>
/// What <c>dose</c> and <c>check</c> share: the patient options, <c>--content</c> and <c>--json</c>,
/// loading the drug's profile and printing the answer. Exit 0 for an answer (withheld and
/// contraindicated included), 1 for refused input or a drug without usable rules, 2 for bad usage.
/// </summary>
internal static class ClinicalCommand
{
    public static Command Create(string name, string description, Func<DoseEngine, PatientInput, DrugProfile, DoseAnswer> answer, bool showsDose)
    {
        var command = new Command(name, description);
        var patient = new PatientOptions(command);
        var content = new Option<string?>("--content") { Description = "Content folder holding the monographs and their *.rules.yaml (default: the bundled content/)." };
        var json = new Option<bool>("--json") { Description = "Write the answer as JSON (camelCase, as the API)." };
        command.Options.Add(content);
        command.Options.Add(json);
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var folder = result.GetValue(content) ?? ContentFolder.Locate();
            if (folder is null || !Directory.Exists(folder))
            {
                error.WriteLine(folder is null
                    ? "error: no content folder found (looked for content/compositions above the current directory); pass --content DIR"
                    : $"error: content folder '{folder}' does not exist");
                return FormularyCli.ExitErrors;
            }

            var slug = patient.Drug(result).Trim().ToLowerInvariant();
            var (rules, drugs) = await FolderStore.RulesAsync(folder, slug, cancellationToken);
            if (rules.Profile is not { } profile)
            {
                var problems = rules.Problems;
                error.WriteLine(problems.Count > 0
                    ? $"error: the dose rules for '{slug}' have errors and are not used:"
                    : $"error: no dose rules for '{slug}' in {folder} (drugs with rules: {string.Join(", ", drugs.Order(StringComparer.Ordinal))})");
                foreach (var problem in problems)
                {
                    error.WriteLine(problem.ToString());
                }

                return FormularyCli.ExitErrors;
            }

            var (input, unreadable) = patient.Read(result);
            var computed = unreadable.Count > 0
                ? DoseAnswer.Refused(profile.Slug, unreadable)
                : answer(new DoseEngine(TimeProvider.System), input, profile);
            if (result.GetValue(json))
            {
                CliJson.Write(output, computed);
            }
            else
            {
                AnswerPrinter.Print(computed, profile, showsDose, output);
            }

            return computed.Status == AnswerStatus.Refused ? FormularyCli.ExitErrors : FormularyCli.ExitOk;
        });
        return command;
    }
}
