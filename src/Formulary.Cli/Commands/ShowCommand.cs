using System.CommandLine;
using System.Data.Common;
using Formulary.Cli.Output;
using Formulary.Monographs;
using Formulary.Storage;
using Formulary.Storage.Listing;
using Formulary.Storage.Versions;

namespace Formulary.Cli.Commands;

/// <summary>
/// <c>formulary show SLUG [--collection NAME] [--db FILE] [--json]</c>: the latest stored version of a
/// monograph (sections as a tree, repaired FAQ, links both ways, diagnostics) as text or JSON, and the
/// newest rejected version with its diagnostics when it is newer than the published one (or there is none).
/// Exit 1 when the database or the monograph does not exist, or the slug is in several collections
/// and no --collection says which.
/// </summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var slug = new Argument<string>("slug") { Description = "The monograph's slug (its file name without .md)." };
        var collection = new Option<string?>("--collection") { Description = "compositions, combinations or medicines (needed when the slug is in several)." };
        var db = ImportCommand.DatabaseOption();
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
            if (ImportCommand.MissingStore(databasePath) is { } missing)
            {
                await error.WriteLineAsync(missing);
                return FormularyCli.ExitErrors;
            }

            try
            {
                await using var store = await StoreLocation.OpenAsync(databasePath, TimeProvider.System, cancellationToken);
                return await ShowAsync(store, result.GetValue(slug)!, only, result.GetValue(json), result.InvocationConfiguration, cancellationToken);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or ArgumentException)
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
        var found = new List<(StoredMonograph Shown, StoredMonograph? Rejected)>();
        foreach (var candidate in only is { } c ? [c] : Enum.GetValues<Collection>())
        {
            var published = await store.GetAsync(candidate, slug, cancellationToken);
            var head = (await store.ListVersionsAsync(candidate, slug, cancellationToken)).LastOrDefault();
            var newerRejected = head is { IsRejected: true } && head.Number > (published?.Version.Number ?? 0)
                ? await store.GetVersionAsync(candidate, slug, head.Number, cancellationToken)
                : null;
            if ((published ?? newerRejected) is { } candidateShown)
            {
                found.Add((candidateShown, newerRejected));
            }
        }

        if (found.Count != 1)
        {
            await console.Error.WriteLineAsync(found.Count == 0
                ? $"error: no monograph '{slug}'{(only is { } o ? $" in {o.FolderName()}" : "")} in the database"
                : $"error: '{slug}' is in {string.Join(" and ", found.Select(f => f.Shown.Monograph.Collection.FolderName()))}; pass --collection");
            return FormularyCli.ExitErrors;
        }

        var (shown, rejected) = found[0];
        var links = MonographLinks.For(await store.ListAsync(cancellationToken), shown.Monograph.Collection, slug);
        if (asJson)
        {
            CliJson.Write(console.Output, new
            {
                shown.Monograph,
                shown.Version,
                Links = MonographText.LinkSlugs(links),
                Rejected = rejected is null ? null : new { rejected.Version, rejected.Monograph.Diagnostics },
            });
        }
        else
        {
            if (rejected is not null)
            {
                await console.Output.WriteLineAsync(ReferenceEquals(shown, rejected)
                    ? $"REJECTED: version {rejected.Version.Number} has errors and was never published; nothing is shown to readers."
                    : $"REJECTED: version {rejected.Version.Number} has errors and was not published; readers see version {shown.Version.Number} below.");
                foreach (var diagnostic in rejected.Monograph.Diagnostics)
                {
                    await console.Output.WriteLineAsync("  " + diagnostic);
                }

                await console.Output.WriteLineAsync();
            }

            MonographText.Write(console.Output, shown, links);
        }

        return rejected is not null && ReferenceEquals(shown, rejected) ? FormularyCli.ExitErrors : FormularyCli.ExitOk;
    }
}
