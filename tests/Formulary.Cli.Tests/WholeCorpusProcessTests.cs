using System.Diagnostics;
using System.Globalization;
using Formulary.Cli.Tests.Commands;
using Formulary.Cli.Tests.Commands.MultiNode;

namespace Formulary.Cli.Tests;

/// <summary>
/// A whole-corpus job (the export, a first import of a folder) runs in a child process with dynamic PGO off; the child
/// gets the same arguments, output and exit code, ends when it is told to, and dies with the process that started it.
/// </summary>
public sealed class WholeCorpusProcessTests
{
    private const int Documents = 2000;

    [Fact]
    public void IsWholeCorpusJob_ExportAndFirstImportOfAFolder_NothingElse()
    {
        var content = new TestContent();
        var site = Path.Combine(content.Root, "site");

        Assert.True(IsJob("export-site", "--out", site));
        Assert.True(IsJob("export-site", "--db", content.Database, "--out", site));
        Assert.True(IsJob("import", content.Root, "--db", content.Database));
        Assert.False(IsJob("import", Path.Combine(content.Root, "compositions", "clofarabine.md"), "--db", content.Database));
        Assert.False(IsJob("import", content.Root, "--db", "Host=127.0.0.1;Username=postgres;Database=formulary"));
        Assert.False(IsJob("export-site", "--out", site, "--help"));
        Assert.False(IsJob("export-site"));
        Assert.False(IsJob("lint", content.Root));
        Assert.False(IsJob("show", "clofarabine"));

        Assert.Equal(0, CliRun.Run("import", content.Root, "--db", content.Database).Exit);
        Assert.False(IsJob("import", content.Root, "--db", content.Database));
    }

    [Fact]
    public async Task Export_RunsInAChildWithDynamicPgoOffAndServerGc_ItsOutputAndExitCodeAreTheCommands()
    {
        var content = new TestContent();
        var site = Path.Combine(content.Root, "site");
        var job = await StartAsync("export-site", "--content", content.Root, "--out", site, "--json");

        Assert.True(await EventuallyAsync(() => Environment(job.Child).Contains("DOTNET_TieredPGO=0", StringComparer.Ordinal)), "the child does not run with DOTNET_TieredPGO=0");
        Assert.Contains("DOTNET_gcServer=1", Environment(job.Child));
        var (exit, output, errors) = await job.EndAsync();
        Assert.Equal((0, ""), (exit, errors));
        Assert.Contains("\"pages\":2", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site, "composition", "clofarabine", "index.html")));
    }

    [Fact]
    public async Task Import_FirstIntoANewStoreWithAnError_ChildsExitCodeOne()
    {
        var content = new TestContent();
        content.Write("compositions/broken.md", "---\ntitle: [unclosed\n---\n## Usage\nText.\n");

        var job = await StartAsync("import", content.Root, "--db", content.Database);
        var (exit, output, _) = await job.EndAsync();

        Assert.Equal(FormularyCli.ExitErrors, exit);
        Assert.Contains("broken.md", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("KILL")]
    public async Task Export_StartingProcessSignalled_ChildEnds(string signal)
    {
        var content = new TestContent();
        content.WriteSeedCopies(Documents);
        var site = Path.Combine(content.Root, "site");
        var job = await StartAsync("export-site", "--content", content.Root, "--out", site, "--json");

        await EndedBySignalAsync(job, signal);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (IsRunning(job.Child) && !giveUp.IsCancellationRequested)
        {
            await Task.Delay(20);
        }

        Assert.False(IsRunning(job.Child), $"the export's child {job.Child} outlived its parent (SIG{signal})");
        Assert.False(File.Exists(Path.Combine(site, "sitemap.xml")), "the export ran to its end: it was not stopped with the process that started it");
    }

    [Theory]
    [InlineData("TERM", true)]
    [InlineData("HUP", true)]
    [InlineData("TERM", false)]
    public async Task Import_FirstStartingProcessSignalled_NoStoreAndNoFileLeft(string signal, bool inAChild)
    {
        var content = new TestContent();
        content.WriteSeedCopies(Documents);
        var folder = Directory.CreateTempSubdirectory("formulary-first-import-").FullName;
        string[] arguments = ["import", content.Root, "--db", Path.Combine(folder, "formulary.db"), "--json"];
        // With DOTNET_TieredPGO set the job stays in the first process, where System.CommandLine handles the signal.
        var job = inAChild ? await StartAsync(arguments) : InProcess(FormularyProcess.Start(["env", "DOTNET_TieredPGO=0"], arguments));
        // Signalled once the import reads the documents, after the new store's schema is made (its migrations journal).
        Assert.True(await EventuallyAsync(() => Reads(inAChild ? job.Child : job.Parent.Id, content.Root)), "the import never read a document");

        await EndedBySignalAsync(job, signal);
        Assert.Empty(Directory.EnumerateFiles(folder));
    }

    /// <summary>Whether the process has a file below <paramref name="folder"/> open (its descriptors in <c>/proc</c>).</summary>
    private static bool Reads(int id, string folder) =>
        Directory.EnumerateFileSystemEntries($"/proc/{id}/fd").Any(descriptor =>
            new FileInfo(descriptor).LinkTarget is { } target && target.StartsWith(Path.GetFullPath(folder) + "/", StringComparison.Ordinal));

    private static Job InProcess(Process process) => new(process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(), Child: 0);

    /// <summary>Sends <paramref name="signal"/> to the job's first process; it ends unsuccessfully and prints no stack trace.</summary>
    private static async Task EndedBySignalAsync(Job job, string signal)
    {
        using (var kill = Process.Start("kill", [$"-{signal}", job.Parent.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var (exit, _, errors) = await job.EndAsync();
        Assert.NotEqual(0, exit);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    /// <summary>The real CLI started with <paramref name="arguments"/>, once the child it starts for the job is seen.</summary>
    private static async Task<Job> StartAsync(params string[] arguments)
    {
        var parent = FormularyProcess.Start(arguments);
        var job = new Job(parent, parent.StandardOutput.ReadToEndAsync(), parent.StandardError.ReadToEndAsync(), await ChildOfAsync(parent) ?? 0);
        Assert.True(job.Child > 0, $"formulary {arguments[0]} ran without a child process");
        return job;
    }

    private sealed record Job(Process Parent, Task<string> Output, Task<string> Errors, int Child)
    {
        /// <summary>Waits for the first process to end: its exit code and what it wrote.</summary>
        public async Task<(int Exit, string Output, string Errors)> EndAsync()
        {
            using (Parent)
            {
                await Parent.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
                return (Parent.ExitCode, await Output, await Errors);
            }
        }
    }

    /// <summary>Whether <paramref name="condition"/> holds within 10 s (a child read between its fork and its exec still shows its parent).</summary>
    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!giveUp.IsCancellationRequested)
        {
            try
            {
                if (condition())
                {
                    return true;
                }
            }
            catch (IOException)
            {
                // the process ended between the checks
            }

            await Task.Delay(5);
        }

        return false;
    }

    private static bool IsJob(params string[] args) => WholeCorpusProcess.IsWholeCorpusJob(FormularyCli.Parse(args));

    /// <summary>The process <paramref name="parent"/> started, from <c>/proc</c>; null if none appeared before the parent ended.</summary>
    private static async Task<int?> ChildOfAsync(Process parent)
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!parent.HasExited && !giveUp.IsCancellationRequested)
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    && ParentOf(id) == parent.Id)
                {
                    return id;
                }
            }

            await Task.Delay(5);
        }

        return null;
    }

    private static int? ParentOf(int id) => Status(id)?.FirstOrDefault(line => line.StartsWith("PPid:", StringComparison.Ordinal)) is { } line
        ? int.Parse(line["PPid:".Length..].Trim(), CultureInfo.InvariantCulture)
        : null;

    /// <summary>Alive and not a zombie (this sandbox's first process may not reap an orphan).</summary>
    private static bool IsRunning(int id) =>
        Status(id)?.FirstOrDefault(line => line.StartsWith("State:", StringComparison.Ordinal)) is { } state && !state.Contains('Z', StringComparison.Ordinal);

    private static string[]? Status(int id)
    {
        try
        {
            return File.ReadAllLines($"/proc/{id}/status");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string[] Environment(int id) => File.ReadAllText($"/proc/{id}/environ").Split('\0');
}
