using System.Text.Json;

namespace Formulary.Cli.Tests.Commands;

/// <summary><c>export-site --db</c> exports what the store holds, not what a folder happens to hold now.</summary>
public sealed class ExportSiteCommandTests
{
    [Fact]
    public void ExportSite_FromStore_PagesOfImportedDocumentsOnly()
    {
        var content = new TestContent();
        content.Write("compositions/alphacillin.md", TestContent.Composition("Alphacillin", "Imported text."));
        Assert.Equal(0, CliRun.Run("import", content.Root, "--db", content.Database).Exit);
        // Written after the import: in the folder, not in the store.
        content.Write("compositions/betacillin.md", TestContent.Composition("Betacillin", "Never imported."));
        var output = Directory.CreateTempSubdirectory("formulary-export-").FullName;

        var (exit, stdout, _) = CliRun.Run("export-site", "--db", content.Database, "--out", output, "--json");

        Assert.Equal(0, exit);
        Assert.Contains("Imported text.", File.ReadAllText(Path.Combine(output, "composition", "alphacillin", "index.html")), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "composition", "betacillin")));
        using var report = JsonDocument.Parse(stdout);
        Assert.True(report.RootElement.GetProperty("pages").GetInt32() >= 3);
        Assert.Contains("alphacillin", File.ReadAllText(Path.Combine(output, "sitemap.xml")), StringComparison.Ordinal);
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "search-index.json")));
        var entry = Assert.Single(index.RootElement.GetProperty("documents").EnumerateArray(), d => d.GetProperty("url").GetString() == "/composition/alphacillin/");
        Assert.Contains(entry.GetProperty("sections").EnumerateArray(), s => s.GetProperty("text").GetString()!.Contains("Imported text.", StringComparison.Ordinal));
    }

    [Fact]
    public void ExportSite_DbAndContentBoth_UsageError()
    {
        var content = new TestContent();

        var (exit, _, err) = CliRun.Run("export-site", "--db", content.Database, "--content", content.Root, "--out", Directory.CreateTempSubdirectory("formulary-export-").FullName);

        Assert.Equal(2, exit);
        Assert.Contains("--db or --content", err, StringComparison.Ordinal);
    }
}
