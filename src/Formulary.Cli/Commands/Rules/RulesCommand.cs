using System.CommandLine;

namespace Formulary.Cli.Commands.Rules;

/// <summary><c>formulary rules draft|status</c>: draft dose rules from the prose, list drugs by review status.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var command = new Command("rules", "Dose rules: draft them from monographs' Dosage sections, list them by review status.");
        command.Subcommands.Add(RulesDraftCommand.Create());
        command.Subcommands.Add(RulesStatusCommand.Create());
        return command;
    }
}
