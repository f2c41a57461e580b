using System.CommandLine;

namespace Formulary.Cli.Commands;

// Placeholder until the command lands; replaced by its owner.
internal static class ShowCommand
{
    public static Command Create()
    {
        var command = new Command("show", "Not implemented yet.");
        command.SetAction(result =>
        {
            result.InvocationConfiguration.Error.WriteLine("show: not implemented yet");
            return FormularyCli.ExitErrors;
        });
        return command;
    }
}
