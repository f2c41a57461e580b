using System.CommandLine;

namespace Formulary.Cli.Commands;

// Placeholder until the command lands; replaced by its owner.
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Not implemented yet.");
        command.SetAction(result =>
        {
            result.InvocationConfiguration.Error.WriteLine("serve: not implemented yet");
            return FormularyCli.ExitErrors;
        });
        return command;
    }
}
