using System.Text.Json;
using Microsoft.Data.Sqlite;

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

    /// <summary>
    /// The sections the store rendered at import give the same site, byte for byte, as rendering them from each model
    /// (a store of the bundled content, then the same store with the rendered sections gone, as before schema 16).
    /// </summary>
    [Fact]
    public void ExportSite_SectionsRenderedAtImport_SameFilesAsRenderedFromTheModels()
    {
        var content = new TestContent();
        Assert.Equal(0, CliRun.Run("import", CliRun.Content, "--db", content.Database).Exit);
        var stored = Directory.CreateTempSubdirectory("formulary-export-").FullName;
        Assert.Equal(0, CliRun.Run("export-site", "--db", content.Database, "--out", stored, "--json").Exit);
        using (var connection = new SqliteConnection($"Data Source={content.Database};Pooling=False"))
        {
            connection.Open();
            using var forget = connection.CreateCommand();
            forget.CommandText = "SELECT count(*) FROM versions WHERE sections_html IS NOT NULL";
            Assert.True(Convert.ToInt32(forget.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) >= 11);
            forget.CommandText = "UPDATE versions SET sections_html = NULL";
            forget.ExecuteNonQuery();
        }

        var rendered = Directory.CreateTempSubdirectory("formulary-export-").FullName;
        Assert.Equal(0, CliRun.Run("export-site", "--db", content.Database, "--out", rendered, "--json").Exit);

        var files = Directory.GetFiles(stored, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(stored, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(rendered, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(rendered, f)).Order(StringComparer.Ordinal));
        Assert.Contains(Path.Combine("composition", "clofarabine", "index.html"), files);
        Assert.All(files, file => Assert.True(
            File.ReadAllBytes(Path.Combine(stored, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(rendered, file))), file));
    }

    /// <summary>
    /// A folder is exported as import would publish it: a document import refuses (no title, binary, a stray file claiming
    /// a published slug) or rejects is left out, named in the report, and the command ends with 1; the rest is exported.
    /// </summary>
    [Fact]
    public void ExportSite_FromFolderWithRefusedDocuments_LeftOutAndExitOne()
    {
        var content = new TestContent();
        content.Write("compositions/alphacillin.md", TestContent.Composition("Alphacillin", "Published text."));
        var untitled = content.Write("compositions/untitled.md", "---\ndescription: No title.\n---\n## Usage\nText.\n");
        var binary = content.Write("compositions/binary.md", "---\ntitle: Binary\n---\n\0\0\n");
        var stray = content.Write("compositions/alphacillin .md", TestContent.Composition("Old draft", "Draft text."));
        var output = Directory.CreateTempSubdirectory("formulary-export-").FullName;

        var (exit, stdout, _) = CliRun.Run("export-site", "--content", content.Root, "--out", output, "--json");

        Assert.Equal(1, exit);
        using var report = JsonDocument.Parse(stdout);
        Assert.Equal(
            new[] { binary, stray, untitled }.Order(StringComparer.Ordinal),
            report.RootElement.GetProperty("leftOut").EnumerateArray().Select(d => d.GetProperty("file").GetString()!).Order(StringComparer.Ordinal));
        Assert.True(report.RootElement.GetProperty("findings").GetProperty("errors").GetInt32() >= 3);
        Assert.Contains("Published text.", File.ReadAllText(Path.Combine(output, "composition", "alphacillin", "index.html")), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "composition", "untitled")));
        Assert.False(Directory.Exists(Path.Combine(output, "composition", "binary")));

        var (textExit, text, _) = CliRun.Run("export-site", "--content", content.Root, "--out", Directory.CreateTempSubdirectory("formulary-export-").FullName);
        Assert.Equal(1, textExit);
        Assert.Contains($"{stray}(1,1): error MONO041", text, StringComparison.Ordinal);
        Assert.Contains($"{binary}(", text, StringComparison.Ordinal);
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
