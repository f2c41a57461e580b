namespace Formulary.Cli.Tests.Commands;

/// <summary>A content folder in a temporary directory: the seed plus small documents written by the test.</summary>
internal sealed class TestContent
{
    public TestContent()
    {
        Root = Directory.CreateTempSubdirectory("formulary-content-").FullName;
        Database = Path.Combine(Directory.CreateTempSubdirectory("formulary-db-").FullName, "formulary.db");
        Directory.CreateDirectory(Path.Combine(Root, "compositions"));
        Directory.CreateDirectory(Path.Combine(Root, "medicines"));
        File.Copy(Path.Combine(CliRun.Content, "compositions", "clofarabine.md"), Path.Combine(Root, "compositions", "clofarabine.md"));
        Write("medicines/clolar-20mg.md", "---\ntitle: Clolar 20 mg Injection\ngeneric_slug: clofarabine\nmrp: 1200\n---\n## Usage\nClolar contains clofarabine.\n");
    }

    public string Root { get; }

    public string Database { get; }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes <paramref name="count"/> copies of the bundled clofarabine monograph as compositions/drug-0000.md …, each titled Drug N.</summary>
    public void WriteSeedCopies(int count)
    {
        var seed = File.ReadAllText(Path.Combine(CliRun.Content, "compositions", "clofarabine.md"));
        for (var i = 0; i < count; i++)
        {
            Write($"compositions/drug-{i:D4}.md", seed.Replace("title: Clofarabine", $"title: Drug {i}", StringComparison.Ordinal));
        }
    }

    public static string Composition(string title, string usage) =>
        $"---\ntitle: {title}\ndescription: {title} is a sample.\n---\n## Usage\n{usage}\n";
}
