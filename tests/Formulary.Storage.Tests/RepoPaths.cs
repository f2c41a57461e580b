namespace Formulary.Storage.Tests;

/// <summary>Where the repository's bundled content is, found from the test binaries upwards.</summary>
internal static class RepoPaths
{
    public static string Content { get; } = Path.Combine(FindRoot(), "content");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Formulary.slnx")))
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }
}
