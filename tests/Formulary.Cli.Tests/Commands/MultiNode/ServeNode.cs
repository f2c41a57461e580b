using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Formulary.Cli.Tests.Commands.MultiNode;

/// <summary>A real <c>formulary serve</c> child process on a free loopback port, killed on dispose.</summary>
internal sealed class ServeNode : IAsyncDisposable
{
    private readonly Process process;
    private readonly Task<string> output;
    private readonly Task<string> errors;

    private ServeNode(Process process, Uri address)
    {
        this.process = process;
        output = process.StandardOutput.ReadToEndAsync();
        errors = process.StandardError.ReadToEndAsync();
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(100) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>Everything the process wrote to standard output, complete once it is disposed.</summary>
    public Task<string> Output => output;

    public static async Task<ServeNode> StartAsync(params string[] arguments)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var node = new ServeNode(FormularyProcess.Start(["serve", .. arguments, "--urls", address.ToString().TrimEnd('/')]), address);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!giveUp.IsCancellationRequested)
        {
            if (node.process.HasExited)
            {
                throw new InvalidOperationException($"serve exited with {node.process.ExitCode}: {await node.errors}");
            }

            try
            {
                using var health = await node.Client.GetAsync(new Uri("/health", UriKind.Relative), giveUp.Token);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return node;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, CancellationToken.None);
        }

        await node.DisposeAsync();
        throw new TimeoutException("serve did not answer /health within 2 minutes");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        await Task.WhenAll(output, errors);
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
