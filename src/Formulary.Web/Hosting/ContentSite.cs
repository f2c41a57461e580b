using Formulary.Storage;
using Formulary.Storage.Publishing;

namespace Formulary.Web.Hosting;

/// <summary>
/// The site as <c>formulary serve</c> runs it: open the store <c>--db</c> names (migrating it), publish
/// the content folder into it when one is given (incrementally, removing nothing), or the bundled content
/// when the store is empty, then build the web app over that store. A node started without a folder
/// changes nothing in the store. The tests start the site the same way.
/// </summary>
public static class ContentSite
{
    public static async Task<WebApplication> CreateAsync(
        FormularyWebOptions options,
        string? contentDirectory,
        string database,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var store = await StoreLocation.OpenAsync(database, time, cancellationToken).ConfigureAwait(false);
        var app = FormularyWebApp.Create(options, services =>
        {
            services.AddSingleton<IMonographStore>(_ => store);
            services.AddSingleton(time);
        });
        var folder = contentDirectory
            ?? (await store.GetGenerationAsync(cancellationToken).ConfigureAwait(false) == 0 ? BundledContent.Find() : null);
        if (folder is not null)
        {
            await ImportAsync(app.Services, folder, cancellationToken).ConfigureAwait(false);
        }

        return app;
    }

    /// <summary>Publishes a content folder into the running site's store (never removing); every cache sees the new generation at once.</summary>
    public static async Task<PublishReport> ImportAsync(IServiceProvider services, string contentDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ContentSite));
        var store = services.GetRequiredService<IMonographStore>();
        var report = await ContentPublisher.PublishAsync(store, contentDirectory, PublishOptions.Incremental, cancellationToken: cancellationToken).ConfigureAwait(false);
        var import = report.Import!;
        services.GetRequiredService<StoreGeneration>().Observe(import.Generation);
        ContentSiteLog.Imported(logger, contentDirectory, report.Parsed, import.Added, import.Changed, import.Unchanged, import.Failed, import.Rejected);
        return report;
    }
}
