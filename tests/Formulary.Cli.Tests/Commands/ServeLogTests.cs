using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Formulary.Cli.Tests.Commands.MultiNode;

namespace Formulary.Cli.Tests.Commands;

/// <summary>
/// Issue 9.9: <c>serve</c> logs readable lines to a person at a terminal and JSON lines when its output is
/// redirected or <c>--json</c> is given. The terminal is a real pseudo-terminal, made by util-linux's <c>script</c>.
/// </summary>
public sealed partial class ServeLogTests
{
    [Fact]
    public async Task OutputRedirected_Serve_LogsJsonLines()
    {
        var node = await ServeNode.StartAsync("--db", NewDatabase());
        await node.DisposeAsync();

        var lines = Lines(await node.Output);

        Assert.Contains(lines, line => line.Contains("Now listening on", StringComparison.Ordinal));
        Assert.All(lines, line =>
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Timestamp", out _), line);
        });
    }

    [Fact]
    public async Task Terminal_Serve_LogsReadableLines()
    {
        var lines = await OnTerminalUntilListeningAsync();

        Assert.Contains(lines, line => ListeningLine().IsMatch(line));
        Assert.DoesNotContain(lines, line => line.TrimStart().StartsWith('{'));
    }

    [Fact]
    public async Task TerminalWithJson_Serve_LogsJsonLines()
    {
        var lines = await OnTerminalUntilListeningAsync("--json");

        var listening = Assert.Single(lines, line => line.Contains("Now listening on", StringComparison.Ordinal));
        using var entry = JsonDocument.Parse(listening);
        Assert.Equal("Information", entry.RootElement.GetProperty("LogLevel").GetString());
    }

    /// <summary>Runs serve inside <c>script</c> (its standard output is a terminal), stops it once it listens, and returns its lines without colour codes.</summary>
    private static async Task<IReadOnlyList<string>> OnTerminalUntilListeningAsync(params string[] extra)
    {
        var port = FreePort();
        var command = new StringBuilder();
        string[] parts = [Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", Path.Combine(AppContext.BaseDirectory, "formulary.dll"),
            "serve", "--db", NewDatabase(), "--urls", $"http://127.0.0.1:{port}", .. extra];
        foreach (var part in parts)
        {
            command.Append('\'').Append(part.Replace("'", "'\\''", StringComparison.Ordinal)).Append("' ");
        }

        var start = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--quiet", "--flush", "--return", "--command", command.ToString(), "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var seen = new StringBuilder();
        var errors = process.StandardError.ReadToEndAsync();
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            var buffer = new char[4096];
            while (!ListeningLineComplete(seen.ToString()))
            {
                var read = await process.StandardOutput.ReadAsync(buffer, giveUp.Token);
                if (read == 0)
                {
                    throw new InvalidOperationException($"serve ended before it listened: {seen} {await errors}");
                }

                seen.Append(buffer, 0, read);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        return Lines(AnsiEscape().Replace(seen.ToString(), string.Empty));
    }

    /// <summary>The line announcing the address has arrived whole (a terminal gets it in pieces).</summary>
    private static bool ListeningLineComplete(string text)
    {
        var at = text.IndexOf("Now listening on", StringComparison.Ordinal);
        return at >= 0 && text.IndexOf('\n', at) > 0;
    }

    private static IReadOnlyList<string> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string NewDatabase() =>
        Path.Combine(Directory.CreateTempSubdirectory("formulary-serve-log-").FullName, "formulary.db");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The simple formatter's single-line form: level, category and event id, then the message.</summary>
    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d info: Microsoft\.Hosting\.Lifetime\[14\] Now listening on: http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial Regex AnsiEscape();
}
