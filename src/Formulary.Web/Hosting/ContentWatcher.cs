namespace Formulary.Web.Hosting;

/// <summary>
/// <c>serve --content DIR --watch</c>: re-publishes the folder (the same incremental pipeline as
/// <c>import</c>, which skips unchanged files by hash and removes nothing) when an editor saves a
/// monograph or a rules file. Saves are collected for a short quiet period (editors write a file in
/// several steps, or by rename), then published once; saves during a publication start one more after
/// it. A failed publication is logged and the process keeps serving what the store holds.
/// </summary>
internal sealed partial class ContentWatcher : IAsyncDisposable
{
    /// <summary>How long the folder must stay quiet before publishing: well inside the 2 s an editor waits for the page.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(250);

    private readonly FileSystemWatcher watcher;
    private readonly Func<CancellationToken, Task> publish;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim pending = new(0, 1);
    private readonly Task loop;

    public ContentWatcher(string folder, Func<CancellationToken, Task> publish, ILogger logger)
    {
        this.publish = publish;
        this.logger = logger;
        watcher = new FileSystemWatcher(Path.GetFullPath(folder))
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
        };
        watcher.Changed += (_, e) => Saw(e.FullPath);
        watcher.Created += (_, e) => Saw(e.FullPath);
        watcher.Deleted += (_, e) => Saw(e.FullPath);
        watcher.Renamed += (_, e) => Saw(e.FullPath);
        watcher.Error += (_, e) => LogWatchError(logger, e.GetException().Message);
        loop = Task.Run(RunAsync);
        watcher.EnableRaisingEvents = true;
    }

    public async ValueTask DisposeAsync()
    {
        watcher.EnableRaisingEvents = false;
        watcher.Dispose();
        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting or publishing.
        }

        stopping.Dispose();
        pending.Dispose();
    }

    /// <summary>Monographs and their rules only: an editor's swap files and backups start nothing.</summary>
    internal static bool IsContent(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".rules.yaml", StringComparison.OrdinalIgnoreCase);

    private void Saw(string path)
    {
        if (!IsContent(path) && Path.HasExtension(path))
        {
            return;
        }

        try
        {
            pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // A publication is already due; it will read this save too.
        }
    }

    private async Task RunAsync()
    {
        var token = stopping.Token;
        while (!token.IsCancellationRequested)
        {
            await pending.WaitAsync(token).ConfigureAwait(false);
            // Quiet period: further saves within it fold into this publication.
            while (await pending.WaitAsync(QuietPeriod, token).ConfigureAwait(false))
            {
            }

            try
            {
                await publish(token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPublishFailed(logger, e.GetType().Name, e.Message);
            }
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "Watching content: publishing the saved files failed ({Exception}: {Reason}); still serving the store as it was")]
    private static partial void LogPublishFailed(ILogger logger, string exception, string reason);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Watching content: the file watcher reported {Reason}; saves may be missed until the next one")]
    private static partial void LogWatchError(ILogger logger, string reason);
}
