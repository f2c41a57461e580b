using Formulary.Storage;
using Formulary.Storage.Publishing;
using Formulary.Storage.Relational;
using Formulary.Web.Health;

namespace Formulary.Web.Hosting;

/// <summary>
/// The site as <c>formulary serve</c> runs it, started in an order that writes nothing before it can
/// serve: bind the port (a port in use fails here, before the store is touched), then open the store
/// <c>--db</c> names (migrating it), then publish the content folder into it when one is given
/// (incrementally, removing nothing), or the bundled content when the store is empty. A node started
/// without a folder changes nothing in the store. The tests start the site the same way.
/// </summary>
public static class ContentSite
{
    /// <summary>Starts the site; a failure to bind, open the store or publish stops it and is thrown (see <see cref="StartupFailure"/>).</summary>
    public static async Task<WebApplication> StartAsync(
        FormularyWebOptions options,
        string? contentDirectory,
        string database,
        TimeProvider time,
        CancellationToken cancellationToken = default,
        bool watch = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var opening = new TaskCompletionSource<IMonographStore>(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = FormularyWebApp.Create(options, services =>
        {
            services.AddSingleton<IMonographStore>(new DeferredStore(opening.Task));
            services.AddSingleton(time);
        });
        var started = false;
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            started = true;
            var store = await StoreLocation.OpenAsync(database, time, cancellationToken).ConfigureAwait(false);
            if (options.SearchBudget is { } budget && store is RelationalStore relational)
            {
                relational.SearchBudget = budget;
            }

            // An empty store is published into before any request is let in: a request meanwhile waits, rather than being
            // answered "no dose rules" or "no results" from a store half written. A store that holds content serves it
            // while a folder is published into it.
            var empty = await store.GetGenerationAsync(cancellationToken).ConfigureAwait(false) == 0;
            var folder = contentDirectory ?? (empty ? BundledContent.Find() : null);
            if (empty && folder is not null)
            {
                await ImportAsync(app.Services, folder, cancellationToken, into: store).ConfigureAwait(false);
            }

            opening.SetResult(store);
            if (!empty && folder is not null)
            {
                await ImportAsync(app.Services, folder, cancellationToken).ConfigureAwait(false);
            }
            else if (folder is null && empty)
            {
                ContentSiteLog.NothingToPublish(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ContentSite)));
            }

            if (store is RelationalStore warming)
            {
                _ = warming.WarmUpSearchAsync(CancellationToken.None).ContinueWith(static _ => { }, TaskScheduler.Default);
            }

            if (options.SearchIndex && store is RelationalStore indexed)
            {
                // After the start-up import, so the build reads what that import wrote (SQL answers meanwhile).
                var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ContentSite));
                indexed.StartSearchIndex(
                    exception => ContentSiteLog.SearchIndexFailed(log, exception.GetType().Name, exception.Message),
                    (documents, took) => ContentSiteLog.SearchIndexReady(log, documents, took.TotalSeconds));
            }

            if (watch && contentDirectory is not null)
            {
                Watch(app, contentDirectory);
            }

            app.Services.GetRequiredService<StoreReadinessCheck>().Start();
            return app;
        }
        catch (Exception e)
        {
            opening.TrySetException(e);
            if (started)
            {
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }

            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Re-publishes <paramref name="contentDirectory"/> whenever a monograph or rules file in it is saved, until the site stops.</summary>
    private static void Watch(WebApplication app, string contentDirectory)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ContentWatcher));
        var watcher = new ContentWatcher(contentDirectory, token => ImportAsync(app.Services, contentDirectory, token, afterSave: true), logger);
        app.Lifetime.ApplicationStopping.Register(() => watcher.DisposeAsync().AsTask().GetAwaiter().GetResult());
    }

    /// <summary>Publishes a content folder into the running site's store (never removing); every cache sees the new generation at once.</summary>
    /// <param name="afterSave">A watcher saw a file saved: no confirmation that nothing changed is tried (<see cref="PublishOptions.AfterSave"/>).</param>
    /// <param name="into">The store itself, before the site's requests may use it (the first publication into an empty store).</param>
    public static async Task<PublishReport> ImportAsync(IServiceProvider services, string contentDirectory, CancellationToken cancellationToken = default, bool afterSave = false, IMonographStore? into = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ContentSite));
        var store = into ?? services.GetRequiredService<IMonographStore>();
        var report = await ContentPublisher.PublishAsync(store, contentDirectory, PublishOptions.Incremental with { AfterSave = afterSave }, cancellationToken: cancellationToken).ConfigureAwait(false);
        var import = report.Import!;
        services.GetRequiredService<StoreGeneration>().Observe(import.Generation);
        ContentSiteLog.Imported(logger, contentDirectory, report.Parsed, import.Added, import.Changed, import.Unchanged, import.Failed, import.Rejected);
        return report;
    }
}
