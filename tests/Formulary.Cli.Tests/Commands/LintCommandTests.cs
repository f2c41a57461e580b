using System.Text.Json;

namespace Formulary.Cli.Tests.Commands;

public sealed class LintCommandTests
{
    private static readonly string Seed = Path.Combine(CliRun.Content, "compositions", "clofarabine.md");

    [Fact]
    public void Lint_Seed_ReportsBrokenFaqsTruncatedDescriptionAndPregnancyContradiction()
    {
        var (exit, output, _) = CliRun.Run("lint", Seed);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"{Seed}(3,14): warning MONO031: ", output, StringComparison.Ordinal);
        Assert.Equal([12, 24, 35, 44, 53, 62, 71, 82, 91],
            lines.Where(l => l.Contains("warning MONO030", StringComparison.Ordinal))
                .Select(l => int.Parse(l[(l.IndexOf(".md(", StringComparison.Ordinal) + 4)..l.IndexOf(',', l.IndexOf(".md(", StringComparison.Ordinal))], System.Globalization.CultureInfo.InvariantCulture)));
        var contradiction = Assert.Single(lines, l => l.Contains("MONO050", StringComparison.Ordinal));
        Assert.StartsWith($"{Seed}(168,1): warning MONO050: ", contradiction, StringComparison.Ordinal);
        Assert.Contains("185", contradiction, StringComparison.Ordinal);
        Assert.Contains("232", contradiction, StringComparison.Ordinal);
        Assert.Equal("1 file(s): 0 error(s), 11 warning(s), 0 info(s)", lines[^1]);
    }

    [Fact]
    public void Lint_BundledContent_NoErrorsExitZero()
    {
        var (exit, output, _) = CliRun.Run("lint", CliRun.Content);

        Assert.Equal(0, exit);
        Assert.DoesNotContain(": error ", output, StringComparison.Ordinal);
        Assert.StartsWith("11 file(s): 0 error(s)", output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
    }

    /// <summary>Issue 9.8: a combination without <c>ingredients:</c> whose name has a part no composition matches.</summary>
    [Fact]
    public void Lint_CombinationPartMatchingNoComposition_WarnsMono042ForThatPartOnly()
    {
        var folder = Directory.CreateTempSubdirectory("formulary-lint-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "compositions"));
        Directory.CreateDirectory(Path.Combine(folder, "combinations"));
        File.WriteAllText(Path.Combine(folder, "compositions", "folicacid.md"), "---\ntitle: Folic Acid\n---\n## Usage\nF.\n");
        File.WriteAllText(Path.Combine(folder, "combinations", "folicacid-zinc.md"), "---\ntitle: Folic Acid + Zinc\n---\n## Usage\nFZ.\n");
        var combination = Path.Combine(folder, "combinations", "folicacid-zinc.md");

        var (exit, output, _) = CliRun.Run("lint", folder);

        Assert.Equal(0, exit);
        var warning = Assert.Single(output.Split('\n'), l => l.Contains("MONO042", StringComparison.Ordinal));
        Assert.StartsWith($"{combination}(1,1): warning MONO042: 'Zinc'", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_FileWithErrors_ExitOneAndErrorLine()
    {
        var folder = Path.Combine(Path.GetTempPath(), "formulary-lint-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "broken.md");
            File.WriteAllText(file, "---\ndescription: no title\nis_banned: maybe\n---\nBody.\n");

            var (exit, output, _) = CliRun.Run("lint", file);

            Assert.Equal(1, exit);
            Assert.Contains($"{file}(2,1): error MONO020: ", output, StringComparison.Ordinal);
            Assert.Contains($"{file}(3,12): error MONO021: ", output, StringComparison.Ordinal);
            Assert.StartsWith("1 file(s): 2 error(s)", output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Lint_Json_CamelCaseDiagnosticsAndSummary()
    {
        var (exit, output, _) = CliRun.Run("lint", Seed, "--json");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        var summary = json.GetProperty("summary");
        Assert.Equal((1, 0, 11, 0), (summary.GetProperty("files").GetInt32(), summary.GetProperty("errors").GetInt32(),
            summary.GetProperty("warnings").GetInt32(), summary.GetProperty("infos").GetInt32()));
        var contradiction = json.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "MONO050");
        Assert.Equal("warning", contradiction.GetProperty("severity").GetString());
        Assert.Equal((168, 1), (contradiction.GetProperty("line").GetInt32(), contradiction.GetProperty("column").GetInt32()));
        Assert.Equal([185, 187, 232], contradiction.GetProperty("related").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));
    }

    [Fact]
    public void Lint_PathDoesNotExist_ExitTwo()
    {
        var (exit, _, error) = CliRun.Run("lint", "/nonexistent/formulary/path.md");

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/formulary/path.md", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_NoPath_ExitTwo()
    {
        Assert.Equal(2, CliRun.Run("lint").Exit);
    }
}
