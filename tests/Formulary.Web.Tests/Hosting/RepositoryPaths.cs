namespace Formulary.Web.Tests.Hosting;

internal static class RepositoryPaths
{
    /// <summary>The repository root (the folder with Formulary.slnx), found upward from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string BundledContent => Path.Combine(Root, "content");

    public static string TestContent => Path.Combine(AppContext.BaseDirectory, "TestContent");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Formulary.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Formulary.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A throwaway folder with the bundled content (the seed and its rules) plus the test fixtures.</summary>
    public static string CreateContentCopy()
    {
        var folder = Path.Combine(Path.GetTempPath(), "formulary-web-tests", Guid.NewGuid().ToString("N"));
        Copy(BundledContent, folder);
        Copy(TestContent, folder);
        return folder;
    }

    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
