namespace Formulary.Monographs.Tests;

/// <summary>Files of the repository the tests read: the seed, the bundled content, our fixtures.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seed => Path.Combine(Root, "content", "compositions", "clofarabine.md");

    public static string Content => Path.Combine(Root, "content");

    public static string Fixture(string name) => Path.Combine(Root, "tests", "Formulary.Monographs.Tests", "Fixtures", name);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Formulary.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Formulary.slnx not found above " + AppContext.BaseDirectory);
    }
}
