using System.Text.Json;
using Formulary.Monographs;
using Formulary.Storage.Sqlite;

namespace Formulary.Cli.Tests.Commands;

public sealed class ImportCommandTests
{
    [Fact]
    public void Import_ContentFolder_PrintsDiagnosticsAndCounts()
    {
        var content = new TestContent();

        var (exit, output, _) = CliRun.Run("import", content.Root, "--db", content.Database);

        Assert.Equal(0, exit);
        Assert.Contains("clofarabine.md(168,1): warning MONO050:", output, StringComparison.Ordinal);
        Assert.Contains(": 2 added, 0 changed, 0 unchanged, 0 removed, 0 failed, 0 rejected;", output, StringComparison.Ordinal);
        Assert.True(File.Exists(content.Database));
    }

    [Fact]
    public void Import_SameContentTwice_SecondReportsUnchanged()
    {
        var content = new TestContent();
        CliRun.Run("import", content.Root, "--db", content.Database);

        var (exit, output, _) = CliRun.Run("import", content.Root, "--db", content.Database, "--json");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal((0, 0, 2), (json.GetProperty("added").GetInt32(), json.GetProperty("changed").GetInt32(), json.GetProperty("unchanged").GetInt32()));
        Assert.All(json.GetProperty("documents").EnumerateArray(), d => Assert.Equal("unchanged", d.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Import_ChangedFile_StoresNewVersionAndKeepsOld()
    {
        var content = new TestContent();
        content.Write("compositions/sample.md", TestContent.Composition("Sample", "First text."));
        CliRun.Run("import", content.Root, "--db", content.Database);
        content.Write("compositions/sample.md", TestContent.Composition("Sample", "Second text."));

        var (exit, output, _) = CliRun.Run("import", content.Root, "--db", content.Database);

        Assert.Equal(0, exit);
        Assert.Contains(": 0 added, 1 changed, 2 unchanged,", output, StringComparison.Ordinal);
        await using var store = SqliteMonographStore.Open(content.Database, TimeProvider.System);
        Assert.Contains("First text.", (await store.GetVersionAsync(Collection.Composition, "sample", 1))!.SourceText, StringComparison.Ordinal);
        Assert.Contains("Second text.", (await store.GetAsync(Collection.Composition, "sample"))!.SourceText, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_BadFilesAmongGood_ImportsTheOthersAndExitsOne()
    {
        var content = new TestContent();
        File.WriteAllBytes(Path.Combine(content.Root, "compositions", "binary.md"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF]);
        content.Write("compositions/empty.md", "");
        content.Write("compositions/good.md", TestContent.Composition("Good", "Fine."));

        var (exit, output, _) = CliRun.Run("import", content.Root, "--db", content.Database, "--json");

        Assert.Equal(1, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal((3, 2), (json.GetProperty("added").GetInt32(), json.GetProperty("failed").GetInt32()));
        var failed = json.GetProperty("documents").EnumerateArray().Where(d => d.GetProperty("outcome").GetString() == "failed").ToList();
        Assert.Equal(["binary", "empty"], failed.Select(d => d.GetProperty("slug").GetString()).Order(StringComparer.Ordinal));
        Assert.All(failed, d => Assert.NotEqual(0, d.GetProperty("diagnostics").GetArrayLength()));
    }

    [Fact]
    public async Task Import_FileDeletedFromFolder_IsRemovedOnlyByForcedPruneAbove10Percent()
    {
        var content = new TestContent();
        var extra = content.Write("compositions/extra.md", TestContent.Composition("Extra", "Text."));
        CliRun.Run("import", content.Root, "--db", content.Database);
        File.Delete(extra);

        var plain = CliRun.Run("import", content.Root, "--db", content.Database);
        var refused = CliRun.Run("import", content.Root, "--db", content.Database, "--prune");
        await using (var store = SqliteMonographStore.Open(content.Database, TimeProvider.System))
        {
            Assert.NotNull(await store.GetAsync(Collection.Composition, "extra"));
        }

        var forced = CliRun.Run("import", content.Root, "--db", content.Database, "--prune", "--force");

        Assert.Equal((0, 1, 0), (plain.Exit, refused.Exit, forced.Exit));
        Assert.Contains(" 0 removed,", plain.Out, StringComparison.Ordinal);
        // 1 of 3 live documents is 33%, above the 10% a prune may remove unforced; the refusal names it.
        Assert.Contains("prune refused: it would remove 1 of 3 documents", refused.Err, StringComparison.Ordinal);
        Assert.Contains("compositions/extra", refused.Err, StringComparison.Ordinal);
        Assert.Contains(" 1 removed,", forced.Out, StringComparison.Ordinal);
        await using var after = SqliteMonographStore.Open(content.Database, TimeProvider.System);
        Assert.Null(await after.GetAsync(Collection.Composition, "extra"));
        Assert.Single(await after.ListVersionsAsync(Collection.Composition, "extra"));
    }

    [Fact]
    public async Task Import_EmptyFolderWithPrune_IsRefusedAndUnpublishesNothing()
    {
        var content = new TestContent();
        CliRun.Run("import", content.Root, "--db", content.Database);
        var empty = Directory.CreateTempSubdirectory("formulary-empty-").FullName;

        var plain = CliRun.Run("import", empty, "--db", content.Database);
        var pruned = CliRun.Run("import", empty, "--db", content.Database, "--prune");

        Assert.Equal(0, plain.Exit);
        Assert.Contains(" 0 removed,", plain.Out, StringComparison.Ordinal);
        Assert.Equal(1, pruned.Exit);
        Assert.Contains("the folder has none of compositions/, combinations/, medicines/", pruned.Err, StringComparison.Ordinal);
        Assert.Contains("compositions/clofarabine", pruned.Err, StringComparison.Ordinal);
        await using var store = SqliteMonographStore.Open(content.Database, TimeProvider.System);
        Assert.Equal(2, (await store.ListAsync()).Count);
    }

    [Fact]
    public void Import_MissingPath_IsBadUsage()
    {
        var content = new TestContent();

        var (exit, _, error) = CliRun.Run("import", Path.Combine(content.Root, "nothing-here"), "--db", content.Database);

        Assert.Equal(2, exit);
        Assert.Contains("neither a file nor a folder", error, StringComparison.Ordinal);
        Assert.False(File.Exists(content.Database));
    }

    [Fact]
    public void Import_DatabasePathIsAFolder_ExitsOneWithMessage()
    {
        var content = new TestContent();

        var (exit, _, error) = CliRun.Run("import", content.Root, "--db", content.Root);

        Assert.Equal(1, exit);
        Assert.StartsWith("error: cannot import into", error, StringComparison.Ordinal);
    }
}
