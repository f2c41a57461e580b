using System.CommandLine;
using System.CommandLine.Help;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Formulary.Storage;

namespace Formulary.Cli;

/// <summary>
/// Runs a whole-corpus job in a child process with dynamic PGO off (<c>DOTNET_TieredPGO=0</c>) and the server garbage
/// collector (<c>DOTNET_gcServer=1</c>, unless set): the static export, and
/// an import of a folder into a store that does not exist yet (every file parsed). Every other command runs here as it is.
/// </summary>
/// <remarks>
/// Dynamic PGO compiles each hot method twice more (instrumented, then optimized with what it counted), which pays off in
/// a long-lived <c>serve</c> (25% less CPU per CDS call) and costs a job of a few seconds up to a quarter of its time (the
/// 5,000-document export 2.4 → 1.8 s; the fresh import 15% of its CPU; BENCHMARKS.md, issue 7, session 22). The runtime reads the
/// setting once, at start, for the whole process, and only from the environment or <c>runtimeconfig.json</c>, so a job
/// that wants it off is started again with it off (ADR 0003, "Whole-corpus jobs without dynamic PGO"). Linux only, where
/// the child is tied to this process: it is killed if this process dies, and the signals this process gets are passed
/// on; in the child a signal ends the job at once. Anything unexpected (another platform, the variable already set,
/// arguments not read back, no child started) runs the job here.
/// </remarks>
internal static class WholeCorpusProcess
{
    /// <summary>Set in the child to this process's id: the child binds its life to it (<see cref="BindToParent"/>).</summary>
    internal const string ParentVariable = "FORMULARY_WHOLE_CORPUS_PARENT";

    private const string PgoVariable = "DOTNET_TieredPGO";

    /// <summary>
    /// Also set in the child, unless given: the server collector (a heap and a collecting thread per core) kept the parse
    /// workers of a first import busy where the workstation one stopped them all while one thread collected (a
    /// 100,000-document first import 10–20% faster, +100 MB; the export within its spread, +70 MB; BENCHMARKS.md, session 23).
    /// </summary>
    private const string ServerGcVariable = "DOTNET_gcServer";
    private const int PrSetPdeathsig = 1;
    private const int SigKill = 9;

    /// <summary>Whether <paramref name="parsed"/> is a job that reads the whole corpus: an export, a first import of a folder.</summary>
    internal static bool IsWholeCorpusJob(ParseResult parsed) =>
        parsed.Errors.Count == 0 && parsed.Action is not HelpAction && parsed.CommandResult.Command.Name switch
        {
            "export-site" => true,
            "import" => Directory.Exists(parsed.GetValue<string>("path")) && !StoreLocation.Exists(parsed.GetValue<string>("--db")!),
            _ => false,
        };

    /// <summary>
    /// Runs <paramref name="args"/> in a child process with dynamic PGO off when they name a whole-corpus job and this
    /// process can hand it over; the child's exit code, else null (run it here).
    /// </summary>
    public static int? TryRun(string[] args, ParseResult parsed)
    {
        // The variable is set in a child (so it never starts another), and by a user who chose the setting.
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(PgoVariable) is not null || Environment.ProcessPath is not { } host
            || !IsWholeCorpusJob(parsed) || HostArguments(args) is not { } hostArguments)
        {
            return null;
        }

        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        foreach (var argument in hostArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[PgoVariable] = "0";
        if (Environment.GetEnvironmentVariable(ServerGcVariable) is null && Environment.GetEnvironmentVariable("COMPlus_gcServer") is null)
        {
            start.Environment[ServerGcVariable] = "1";
        }

        start.Environment[ParentVariable] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        using var child = StartOrNull(start);
        if (child is null)
        {
            return null;
        }

        // A signal sent to this process (a supervisor's SIGTERM, Ctrl+C) reaches the job; this process waits for it to end.
        PosixSignalRegistration[] forwarded =
        [
            Forward(PosixSignal.SIGTERM, 15, child.Id),
            Forward(PosixSignal.SIGINT, 2, child.Id),
            Forward(PosixSignal.SIGQUIT, 3, child.Id),
            Forward(PosixSignal.SIGHUP, 1, child.Id),
        ];
        try
        {
            child.WaitForExit();
            return child.ExitCode;
        }
        finally
        {
            foreach (var registration in forwarded)
            {
                registration.Dispose();
            }
        }
    }

    /// <summary>
    /// In a child started by <see cref="TryRun"/>: dies with its parent (SIGKILL, as the job would have died in it), and
    /// exits at once if the parent is already gone. True in such a child: a signal then ends it at once (the parent passes
    /// on what it gets, and a terminal's Ctrl+C or a supervisor's SIGTERM to the whole group reaches it too, so it may come
    /// twice; System.CommandLine's grace period fails on a second one, ADR 0003).
    /// </summary>
    public static bool BindToParent()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(ParentVariable) is not { } parent)
        {
            return false;
        }

        Environment.SetEnvironmentVariable(ParentVariable, null);
        try
        {
            // Without the binding (a sandbox refusing prctl) the job still runs; it only no longer dies with its parent.
            _ = Native.prctl(PrSetPdeathsig, SigKill, 0, 0, 0);
            if (int.TryParse(parent, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Native.getppid() != id)
            {
                Environment.Exit(128 + SigKill);
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        return true;
    }

    /// <summary>The child, or null when it cannot be started (no process or memory left): then the job runs here.</summary>
    private static Process? StartOrNull(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// The arguments the host was started with after its own path (<c>/proc/self/cmdline</c>): for <c>dotnet formulary.dll</c>
    /// they include the assembly and any host options; null unless they end with <paramref name="args"/>.
    /// </summary>
    private static string[]? HostArguments(string[] args)
    {
        string[] all;
        try
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes("/proc/self/cmdline"));
            all = (text.EndsWith('\0') ? text[..^1] : text).Split('\0');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        return all.Length > args.Length && all.AsSpan(all.Length - args.Length).SequenceEqual(args) ? all[1..] : null;
    }

    private static PosixSignalRegistration Forward(PosixSignal signal, int number, int child) =>
        PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            _ = Native.kill(child, number);
        });

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

        [DllImport("libc")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int getppid();

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int kill(int pid, int signal);
    }
}
