using System.Text.Json;
using Formulary.Monographs;
using Formulary.Storage;
using Formulary.Storage.Sqlite;

namespace Formulary.Cli.Tests.Commands;

/// <summary>Only valid content is published: a version with errors of its own is kept as rejected, never served.</summary>
public sealed class RejectedImportTests
{
    private const string Banned = "---\ntitle: Banned Drug\ndescription: Withdrawn.\nis_banned: true\n---\n## Usage\nNot to be used.\n";

    [Fact]
    public async Task Import_UnclosedQuoteInLiveMonograph_KeepsPublishedVersionAndRejectsTheNewOne()
    {
        var content = new TestContent();
        var file = content.Write("compositions/banned.md", Banned);
        CliRun.Run("import", content.Root, "--db", content.Database);
        content.Write("compositions/banned.md", Banned.Replace("title: Banned Drug", "title: \"Banned Drug", StringComparison.Ordinal));

        var (exit, output, _) = CliRun.Run("import", content.Root, "--db", content.Database);
        var again = CliRun.Run("import", content.Root, "--db", content.Database, "--json");
        var show = CliRun.Run("show", "banned", "--db", content.Database);

        Assert.Equal(1, exit);
        Assert.Contains($"{file}: rejected as version 2: not published: it has errors; readers still see version 1", output, StringComparison.Ordinal);
        Assert.Contains("error MONO012:", output, StringComparison.Ordinal);
        await using (var store = SqliteMonographStore.Open(content.Database, TimeProvider.System))
        {
            var published = await store.GetAsync(Collection.Composition, "banned");
            Assert.NotNull(published);
            Assert.Equal((1, true, "Banned Drug"), (published.Version.Number, published.Monograph.FrontMatter.IsBanned, published.Monograph.Title));
            var versions = await store.ListVersionsAsync(Collection.Composition, "banned");
            Assert.Equal([(1, false, true), (2, true, false)], versions.Select(v => (v.Number, v.IsRejected, v.IsLatest)));
        }

        // Unchanged and still wrong: reported again (exit 1), no third version.
        Assert.Equal(1, again.Exit);
        var json = JsonDocument.Parse(again.Out).RootElement;
        Assert.Equal(1, json.GetProperty("rejected").GetInt32());
        Assert.Contains("MONO012", again.Out, StringComparison.Ordinal);
        Assert.Equal(0, show.Exit);
        Assert.Contains("REJECTED: version 2 has errors and was not published; readers see version 1 below.", show.Out, StringComparison.Ordinal);
        Assert.Contains("BANNED", show.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NewDocumentWithoutTitle_IsNeverPublishedUntilFixed()
    {
        var content = new TestContent();
        content.Write("compositions/untitled.md", "---\ndescription: No title here.\n---\n## Usage\nText.\n");

        var (exit, _, _) = CliRun.Run("import", content.Root, "--db", content.Database);
        var show = CliRun.Run("show", "untitled", "--db", content.Database);
        await using (var store = SqliteMonographStore.Open(content.Database, TimeProvider.System))
        {
            Assert.Null(await store.GetAsync(Collection.Composition, "untitled"));
            Assert.DoesNotContain(await store.ListAsync(), s => s.Slug == "untitled");
            store.SearchBudget = TimeSpan.FromSeconds(30); // a loaded machine must not make a behaviour test a timing test
            var untitled = await store.SearchAsync("untitled", 10, 0);
            Assert.Equal((0, false), (untitled.Hits.Count, untitled.TimedOut));
        }

        content.Write("compositions/untitled.md", TestContent.Composition("Titled", "Text."));
        var fixedImport = CliRun.Run("import", content.Root, "--db", content.Database);

        Assert.Equal(1, exit);
        Assert.Equal(1, show.Exit);
        Assert.Contains("REJECTED: version 1 has errors and was never published", show.Out, StringComparison.Ordinal);
        Assert.Contains("MONO020", show.Out, StringComparison.Ordinal);
        Assert.Equal(0, fixedImport.Exit);
        Assert.Contains(": 1 added,", fixedImport.Out, StringComparison.Ordinal);
        await using var after = SqliteMonographStore.Open(content.Database, TimeProvider.System);
        Assert.Equal((2, "Titled"), ((await after.GetAsync(Collection.Composition, "untitled"))!.Version.Number, (await after.GetAsync(Collection.Composition, "untitled"))!.Monograph.Title));
    }
}
