using System.CommandLine;

namespace Formulary.Cli.Commands;

// Placeholder until the command lands; replaced by its owner.
internal static class CheckCommand
{
    public static Command Create()
    {
        var command = new Command("check", "Not implemented yet.");
        command.SetAction(result =>
        {
            result.InvocationConfiguration.Error.WriteLine("check: not implemented yet");
            return FormularyCli.ExitErrors;
        });
        return command;
    }
}
