using Formulary.Storage;
using Formulary.Storage.Publishing;
using Formulary.Storage.Rules;
using Formulary.Storage.Sqlite;

namespace Formulary.Cli.Commands.Patient;

/// <summary>
/// How <c>dose</c> and <c>check</c> read an editor's folder: published through the same pipeline as
/// <c>import</c> into a throw-away SQLite store, and the drug's rules loaded from that store exactly as
/// the site loads them, so a folder doses the way the published site will.
/// </summary>
internal static class FolderStore
{
    public static async Task<(DrugRules Rules, IReadOnlySet<string> Drugs)> RulesAsync(string folder, string slug, CancellationToken cancellationToken)
    {
        var temporary = Directory.CreateTempSubdirectory("formulary-dose-");
        try
        {
            await using var store = SqliteMonographStore.Open(Path.Combine(temporary.FullName, "content.db"), TimeProvider.System);
            await ContentPublisher.PublishAsync(store, folder, PublishOptions.Incremental, cancellationToken: cancellationToken);
            return (await DrugRules.LoadAsync(store, slug, cancellationToken), await DrugRules.DrugsAsync(store, cancellationToken));
        }
        finally
        {
            temporary.Delete(recursive: true);
        }
    }
}
