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

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Invoke(Parse(args), stdout, stderr);

    /// <summary>The command line read against the command it names (all of them when it names none).</summary>
    public static ParseResult Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("Formulary: a self-hosted clinical medicine reference.");
        foreach (var command in CommandsFor(args))
        {
            root.Subcommands.Add(command);
        }

        return root.Parse(args);
    }

    /// <summary>
    /// Runs the command <paramref name="parsed"/> names. A signal (SIGINT, SIGTERM) cancels it and leaves it 2 s to end,
    /// unless <paramref name="endAtOnceOnSignal"/> (a whole-corpus job's child process, <see cref="WholeCorpusProcess"/>).
    /// </summary>
    public static int Invoke(ParseResult parsed, TextWriter stdout, TextWriter stderr, bool endAtOnceOnSignal = false)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine("Run 'formulary --help' for usage.");
            return ExitUsage;
        }

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        if (endAtOnceOnSignal)
        {
            configuration.ProcessTerminationTimeout = null;
        }

        return parsed.Invoke(configuration);
    }

    /// <summary>
    /// The commands a command line needs: the one it names, when its first word is a command, else all of them
    /// (for the root's help, and so an unknown word is reported against every command). Each command's tree
    /// brings its types and the assemblies they live in, so building only the named one keeps a short job
    /// such as an import with nothing changed from paying for the others.
    /// </summary>
    private static IEnumerable<Command> CommandsFor(string[] args) =>
        args.Length > 0 && Factories.TryGetValue(args[0], out var create) ? [create()] : Factories.Values.Select(create => create());

    /// <summary>Every command by its name, in the order the root's help lists them.</summary>
    internal static readonly OrderedDictionary<string, Func<Command>> Factories = new(StringComparer.Ordinal)
    {
        ["lint"] = LintCommand.Create,
        ["import"] = ImportCommand.Create,
        ["show"] = ShowCommand.Create,
        ["dose"] = DoseCommand.Create,
        ["check"] = CheckCommand.Create,
        ["serve"] = ServeCommand.Create,
        ["export-site"] = ExportSiteCommand.Create,
        ["db"] = DbCommand.Create,
        ["cds-feedback"] = FeedbackCommand.Create,
        ["rules"] = Cli.Commands.Rules.RulesCommand.Create,
    };
}
