using System.Diagnostics;

namespace Formulary.Cli.Tests.Commands.MultiNode;

/// <summary>Starts the real <c>formulary</c> CLI (the built formulary.dll) as a child process.</summary>
internal static class FormularyProcess
{
    public static Process Start(IEnumerable<string> arguments) => Start([], arguments);

    /// <summary>Starts the CLI under <paramref name="wrapper"/> (a command and its arguments, e.g. setpriv), when not empty.</summary>
    public static Process Start(IReadOnlyList<string> wrapper, IEnumerable<string> arguments)
    {
        string[] command = [.. wrapper, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", Path.Combine(AppContext.BaseDirectory, "formulary.dll"), .. arguments];
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        // As a user's shell would start it: whether a whole-corpus job runs in a child is the CLI's choice (WholeCorpusProcess).
        start.Environment.Remove("DOTNET_TieredPGO");
        start.Environment.Remove("DOTNET_gcServer");
        start.Environment.Remove("COMPlus_gcServer");

        return Process.Start(start)!;
    }

    public static Task<(int Exit, string Out, string Err)> RunAsync(params string[] arguments) => RunAsync([], arguments);

    public static async Task<(int Exit, string Out, string Err)> RunAsync(IReadOnlyList<string> wrapper, params string[] arguments)
    {
        using var process = Start(wrapper, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            // A command that should end (import, a serve that must fail) never holds a test run for ever.
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await errors);
    }
}
