using System.CommandLine;

namespace Formulary.Cli.Commands;

// Placeholder until the command lands; replaced by its owner.
internal static class ExportSiteCommand
{
    public static Command Create()
    {
        var command = new Command("export-site", "Not implemented yet.");
        command.SetAction(result =>
        {
            result.InvocationConfiguration.Error.WriteLine("export-site: not implemented yet");
            return FormularyCli.ExitErrors;
        });
        return command;
    }
}
