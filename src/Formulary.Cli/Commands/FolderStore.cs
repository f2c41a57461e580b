using Formulary.Monographs.Loading;
using Formulary.Storage.Publishing;
using Formulary.Storage.Rules;
using Formulary.Storage.Sqlite;

namespace Formulary.Cli.Commands;

/// <summary>
/// How <c>dose</c>, <c>check</c> and <c>export-site --content</c> read an editor's folder: published through the same
/// pipeline as <c>import</c> into a throw-away SQLite store, and read back from that store exactly as the site reads it,
/// so a folder doses and exports the way the published site will (a document <c>import</c> refuses is not in it).
/// Disposing it closes the store and deletes it.
/// </summary>
internal sealed class FolderStore : IAsyncDisposable
{
    private readonly DirectoryInfo temporary;

    private FolderStore(DirectoryInfo temporary, SqliteMonographStore store)
    {
        this.temporary = temporary;
        Store = store;
    }

    public SqliteMonographStore Store { get; }

    /// <summary>What the publication did: each document's outcome and findings, as <c>import</c> reports them.</summary>
    public PublishReport Report { get; private set; } = null!;

    public static async Task<FolderStore> PublishAsync(string folder, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        var temporary = Directory.CreateTempSubdirectory("formulary-folder-");
        var published = new FolderStore(temporary, SqliteMonographStore.Open(Path.Combine(temporary.FullName, "content.db"), TimeProvider.System));
        try
        {
            published.Report = await ContentPublisher.PublishAsync(published.Store, folder, PublishOptions.Incremental, progress, cancellationToken: cancellationToken);
            return published;
        }
        catch
        {
            await published.DisposeAsync();
            throw;
        }
    }

    public static async Task<(DrugRules Rules, IReadOnlySet<string> Drugs)> RulesAsync(string folder, string slug, CancellationToken cancellationToken)
    {
        await using var published = await PublishAsync(folder, progress: null, cancellationToken);
        return (await DrugRules.LoadAsync(published.Store, slug, cancellationToken), await DrugRules.DrugsAsync(published.Store, cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        temporary.Delete(recursive: true);
    }
}
