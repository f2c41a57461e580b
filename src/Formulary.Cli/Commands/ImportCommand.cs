using System.CommandLine;

namespace Formulary.Cli.Commands;

// Placeholder until the command lands; replaced by its owner.
internal static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Not implemented yet.");
        command.SetAction(result =>
        {
            result.InvocationConfiguration.Error.WriteLine("import: not implemented yet");
            return FormularyCli.ExitErrors;
        });
        return command;
    }
}
