namespace Formulary.Cli.Tests.Commands;

/// <summary>Runs the real command tree in-process and captures its output.</summary>
internal static class CliRun
{
    public static string Content { get; } = Path.Combine(FindRoot(), "content");

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = FormularyCli.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Formulary.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Formulary.slnx not found above " + AppContext.BaseDirectory);
    }
}
