using System.CommandLine;
using Formulary.Cli.Output;
using Formulary.Monographs;
using Formulary.Storage;
using Formulary.Storage.Listing;
using Formulary.Storage.Sqlite;
using Formulary.Storage.Versions;
using Microsoft.Data.Sqlite;

namespace Formulary.Cli.Commands;

/// <summary>
/// <c>formulary show SLUG [--collection NAME] [--db FILE] [--json]</c>: the latest stored version of a
/// monograph (sections as a tree, repaired FAQ, links both ways, diagnostics) as text or JSON.
/// Exit 1 when the database or the monograph does not exist, or the slug is in several collections
/// and no --collection says which.
/// </summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var slug = new Argument<string>("slug") { Description = "The monograph's slug (its file name without .md)." };
        var collection = new Option<string?>("--collection") { Description = "compositions, combinations or medicines (needed when the slug is in several)." };
        var db = new Option<string>("--db") { Description = "The SQLite database file.", DefaultValueFactory = _ => ImportCommand.DefaultDatabase };
        var json = new Option<bool>("--json") { Description = "Write the monograph as JSON (camelCase)." };
        var command = new Command("show", "Show a stored monograph: sections, repaired FAQ, links and diagnostics.") { slug, collection, db, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            var collectionName = result.GetValue(collection);
            Collection? only = null;
            if (collectionName is not null)
            {
                if (!CollectionInfo.TryParse(collectionName, out var parsed))
                {
                    await error.WriteLineAsync($"error: unknown collection '{collectionName}' (use compositions, combinations or medicines)");
                    return FormularyCli.ExitUsage;
                }

                only = parsed;
            }

            var databasePath = result.GetValue(db)!;
            if (!File.Exists(databasePath))
            {
                await error.WriteLineAsync($"error: database '{databasePath}' does not exist; run 'formulary import PATH --db {databasePath}' first");
                return FormularyCli.ExitErrors;
            }

            try
            {
                await using var store = SqliteMonographStore.Open(databasePath, TimeProvider.System);
                return await ShowAsync(store, result.GetValue(slug)!, only, result.GetValue(json), result.InvocationConfiguration, cancellationToken);
            }
            catch (Exception e) when (e is SqliteException or InvalidOperationException)
            {
                await error.WriteLineAsync($"error: cannot read '{databasePath}': {e.Message}");
                return FormularyCli.ExitErrors;
            }
        });
        return command;
    }

    private static async Task<int> ShowAsync(
        IMonographStore store, string slug, Collection? only, bool asJson, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var found = new List<StoredMonograph>();
        foreach (var candidate in only is { } c ? [c] : Enum.GetValues<Collection>())
        {
            if (await store.GetAsync(candidate, slug, cancellationToken) is { } stored)
            {
                found.Add(stored);
            }
        }

        if (found.Count != 1)
        {
            await console.Error.WriteLineAsync(found.Count == 0
                ? $"error: no monograph '{slug}'{(only is { } o ? $" in {o.FolderName()}" : "")} in the database"
                : $"error: '{slug}' is in {string.Join(" and ", found.Select(f => f.Monograph.Collection.FolderName()))}; pass --collection");
            return FormularyCli.ExitErrors;
        }

        var shown = found[0];
        var links = MonographLinks.For(await store.ListAsync(cancellationToken), shown.Monograph.Collection, slug);
        if (asJson)
        {
            CliJson.Write(console.Output, new { shown.Monograph, shown.Version, Links = MonographText.LinkSlugs(links) });
        }
        else
        {
            MonographText.Write(console.Output, shown, links);
        }

        return FormularyCli.ExitOk;
    }
}
