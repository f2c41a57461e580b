using System.CommandLine;

namespace Formulary.Cli.Commands;

// Placeholder until the command lands; replaced by its owner.
internal static class DoseCommand
{
    public static Command Create()
    {
        var command = new Command("dose", "Not implemented yet.");
        command.SetAction(result =>
        {
            result.InvocationConfiguration.Error.WriteLine("dose: not implemented yet");
            return FormularyCli.ExitErrors;
        });
        return command;
    }
}
