using System.CommandLine;

namespace Formulary.Cli.Commands;

// Placeholder until the command lands; replaced by its owner.
internal static class LintCommand
{
    public static Command Create()
    {
        var command = new Command("lint", "Not implemented yet.");
        command.SetAction(result =>
        {
            result.InvocationConfiguration.Error.WriteLine("lint: not implemented yet");
            return FormularyCli.ExitErrors;
        });
        return command;
    }
}
