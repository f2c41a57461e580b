using System.CommandLine;
using Formulary.Cli.Commands;

namespace Formulary.Cli;

/// <summary>
/// The command tree. Exit codes: 0 success, 1 the work found errors (lint errors, refused input),
/// 2 bad usage (unknown option, missing argument).
/// </summary>
public static class FormularyCli
{
    public const int ExitOk = 0;
    public const int ExitErrors = 1;
    public const int ExitUsage = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var root = new RootCommand("Formulary: a self-hosted clinical medicine reference.");
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine("Run 'formulary --help' for usage.");
            return ExitUsage;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static IEnumerable<Command> Commands() =>
    [
        LintCommand.Create(),
        ImportCommand.Create(),
        ShowCommand.Create(),
        DoseCommand.Create(),
        CheckCommand.Create(),
        ServeCommand.Create(),
        ExportSiteCommand.Create(),
        DbCommand.Create(),
        FeedbackCommand.Create(),
        Cli.Commands.Rules.RulesCommand.Create(),
    ];
}
