using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Formulary.Cli.Tests.Commands.MultiNode;
using Npgsql;

namespace Formulary.Cli.Tests.Commands;

/// <summary>
/// docs/DEPLOYMENT.md as written: every line of its bash blocks runs in order in a scratch folder
/// holding a copy of content/ (F = the built CLI; PG and PG_URL = a fresh PostgreSQL database).
/// A <c>serve</c> line is started (on a free port instead of the one written), checked on /health and stopped.
/// </summary>
public sealed partial class DeploymentGuideTests
{
    [SkippableFact]
    public async Task DeploymentGuide_EveryCommand_RunsAsWritten()
    {
        var (pg, pgUrl) = await CreateDatabaseAsync();
        var scratch = Directory.CreateTempSubdirectory("formulary-guide-").FullName;
        Directory.CreateDirectory(Path.Combine(scratch, "data"));
        CopyFolder(CliRun.Content, Path.Combine(scratch, "content"));
        var environment = new Dictionary<string, string>
        {
            ["F"] = $"{Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet"} {Path.Combine(AppContext.BaseDirectory, "formulary.dll")}",
            ["PG"] = pg,
            ["PG_URL"] = pgUrl,
        };
        var lines = Commands(await File.ReadAllTextAsync(Path.Combine(CliRun.Content, "..", "docs", "DEPLOYMENT.md"))).ToList();

        Assert.Contains(lines, l => l.Contains("$F serve", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            if (line.Contains("$F serve", StringComparison.Ordinal))
            {
                await ServeAsync(line, scratch, environment);
                continue;
            }

            var (exit, output, error) = await BashAsync(line, scratch, environment);
            Assert.True(exit == 0, $"'{line}' exited {exit}: {output} {error}");
        }
    }

    /// <summary>
    /// Every non-comment line of the bash blocks, except the one that defines F and the install's <c>dotnet publish</c>,
    /// which <c>.ci/run</c> runs from the repository root (a publish inside the test run would build beside it).
    /// </summary>
    private static IEnumerable<string> Commands(string markdown) =>
        BashBlock().Matches(markdown)
            .SelectMany(m => m.Groups[1].Value.Split('\n'))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("F=", StringComparison.Ordinal)
                && !l.StartsWith("dotnet publish ", StringComparison.Ordinal));

    private static async Task ServeAsync(string line, string folder, Dictionary<string, string> environment)
    {
        var port = FreePort();
        var command = ListenAddress().Replace(line, $"http://127.0.0.1:{port}");
        using var process = Start($"exec {command}", folder, environment);
        using var client = new HttpClient();
        var healthy = false;
        var watch = Stopwatch.StartNew();
        while (!healthy && !process.HasExited && watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                healthy = (await client.GetAsync(new Uri($"http://127.0.0.1:{port}/health"))).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        Assert.True(healthy, $"'{line}' did not answer /health: {await process.StandardError.ReadToEndAsync()}");
    }

    private static async Task<(int Exit, string Out, string Err)> BashAsync(string line, string folder, Dictionary<string, string> environment)
    {
        using var process = Start(line, folder, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static Process Start(string script, string folder, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    private static async Task<(string ConnectionString, string Url)> CreateDatabaseAsync()
    {
        var admin = Environment.GetEnvironmentVariable("FORMULARY_TEST_PG");
        if (string.IsNullOrWhiteSpace(admin))
        {
            await TestDatabases.CreateAsync("postgres"); // fails under CI=true, skips otherwise
        }

        var name = "guide_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return (builder.ConnectionString, $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{name}");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("```bash\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex("http://127\\.0\\.0\\.1:\\d+")]
    private static partial Regex ListenAddress();
}
