using Formulary.Monographs.Loading;
using Formulary.Storage;
using Formulary.Storage.Importing;
using Formulary.Storage.Sqlite;
using Formulary.Web.Dosing;

namespace Formulary.Web.Hosting;

/// <summary>
/// The site as <c>formulary serve</c> runs it: open (or create) the SQLite database, import the
/// content folder into it (the store writes only documents whose content changed), load the dose
/// rules, then build the web app over that store. The tests start the site the same way.
/// </summary>
public static class ContentSite
{
    public static async Task<WebApplication> CreateAsync(
        FormularyWebOptions options,
        string contentDirectory,
        string databasePath,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var store = SqliteMonographStore.Open(databasePath, time);
        var app = FormularyWebApp.Create(options, services =>
        {
            services.AddSingleton<IMonographStore>(_ => store);
            services.AddSingleton(time);
        });
        await ImportAsync(app.Services, contentDirectory, cancellationToken).ConfigureAwait(false);
        return app;
    }

    /// <summary>Imports a content folder into the running site's store and drops every cached page.</summary>
    public static async Task<ImportReport> ImportAsync(IServiceProvider services, string contentDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ContentSite));
        var content = new ContentLoader().Load(contentDirectory, progress: null, cancellationToken);
        var store = services.GetRequiredService<IMonographStore>();
        var documents = content.Monographs.Select(ContentImportDocuments.For).ToList();
        var report = await store.ImportAsync(documents, ImportOptions.WholeContentSet, progress: null, cancellationToken).ConfigureAwait(false);
        services.GetRequiredService<DoseService>().Replace(DoseRules.Load(contentDirectory));
        services.GetRequiredService<Pages.SiteCache>().Invalidate();
        ContentSiteLog.Imported(logger, contentDirectory, report.Added, report.Changed, report.Unchanged, report.Removed, report.Failed);
        return report;
    }
}
