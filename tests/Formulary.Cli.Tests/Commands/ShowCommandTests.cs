using System.Text.Json;

namespace Formulary.Cli.Tests.Commands;

public sealed class ShowCommandTests
{
    [Fact]
    public void Show_Seed_PrintsSectionTreeRepairedFaqLinksAndDiagnostics()
    {
        var content = Imported();

        var (exit, output, _) = CliRun.Run("show", "clofarabine", "--db", content.Database);

        Assert.Equal(0, exit);
        Assert.StartsWith("Clofarabine\n", output, StringComparison.Ordinal);
        Assert.Contains("\n  - Dosage (line 123)\n    - Standard Dosage (line 125)\n      - Adults (line 127)\n", output, StringComparison.Ordinal);
        Assert.Contains("  Q8. Can Clofarabine be used during pregnancy?  [repaired]\n      No, Clofarabine is contraindicated in pregnancy", output, StringComparison.Ordinal);
        var faq = output[output.IndexOf("FAQ (9):", StringComparison.Ordinal)..output.IndexOf("Diagnostics (", StringComparison.Ordinal)];
        Assert.DoesNotContain("A:**", faq, StringComparison.Ordinal);
        Assert.DoesNotContain("?**", faq, StringComparison.Ordinal);
        Assert.Contains("Brands: Clolar 20 mg Injection (clolar-20mg)", output, StringComparison.Ordinal);
        Assert.Contains("Alternate names: clofarabine, Clolar, Evoltra", output, StringComparison.Ordinal);
        Assert.Contains("clofarabine.md(168,1): warning MONO050:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_Json_IsCamelCaseModelWithVersionAndLinks()
    {
        var content = Imported();

        var (exit, output, _) = CliRun.Run("show", "clolar-20mg", "--db", content.Database, "--json");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        var monograph = json.GetProperty("monograph");
        Assert.Equal("Clolar 20 mg Injection", monograph.GetProperty("title").GetString());
        Assert.Equal(1200m, monograph.GetProperty("frontMatter").GetProperty("mrp").GetDecimal());
        Assert.Equal(1, json.GetProperty("version").GetProperty("number").GetInt32());
        Assert.Equal("clofarabine", json.GetProperty("links").GetProperty("brandOf").GetProperty("slug").GetString());
    }

    [Fact]
    public void Show_SlugInTwoCollections_AsksForCollection()
    {
        var content = new TestContent();
        content.Write("medicines/clofarabine.md", "---\ntitle: Clofarabine brand\ngeneric_slug: clofarabine\n---\n## Usage\nA brand.\n");
        CliRun.Run("import", content.Root, "--db", content.Database);

        var ambiguous = CliRun.Run("show", "clofarabine", "--db", content.Database);
        var chosen = CliRun.Run("show", "clofarabine", "--collection", "medicines", "--db", content.Database);

        Assert.Equal(1, ambiguous.Exit);
        Assert.Contains("pass --collection", ambiguous.Err, StringComparison.Ordinal);
        Assert.Equal(0, chosen.Exit);
        Assert.StartsWith("Clofarabine brand\n", chosen.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_UnknownSlug_ExitsOne()
    {
        var content = Imported();

        var (exit, _, error) = CliRun.Run("show", "no-such-drug", "--db", content.Database);

        Assert.Equal(1, exit);
        Assert.Contains("no monograph 'no-such-drug'", error, StringComparison.Ordinal);
    }

    /// <summary>A command that only reads the store refuses a SQLite file that is not there: opening it would make an empty store to answer from.</summary>
    [Theory]
    [InlineData("show", "clofarabine")]
    [InlineData("export-site", "--out", "site")]
    [InlineData("cds-feedback")]
    public void ReadingCommand_MissingDatabase_ExitsOneAndCreatesNothing(params string[] command)
    {
        var content = new TestContent();

        var (exit, output, error) = CliRun.Run([.. command.Select(a => a == "site" ? Path.Combine(content.Root, "site") : a), "--db", content.Database]);

        Assert.Equal((1, ""), (exit, output));
        Assert.Equal($"error: database '{content.Database}' does not exist; run 'formulary import PATH --db {content.Database}' first", error.Trim());
        Assert.False(File.Exists(content.Database));
        Assert.False(Directory.Exists(Path.Combine(content.Root, "site")));
    }

    [Fact]
    public void Show_UnknownCollection_IsBadUsage()
    {
        var content = Imported();

        Assert.Equal(2, CliRun.Run("show", "clofarabine", "--collection", "pills", "--db", content.Database).Exit);
    }

    private static TestContent Imported()
    {
        var content = new TestContent();
        Assert.Equal(0, CliRun.Run("import", content.Root, "--db", content.Database).Exit);
        return content;
    }
}
