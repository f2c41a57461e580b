namespace Formulary.Benchmarks.Parsing;

/// <summary>The repository's <c>content/</c> folder, found by walking up to <c>Formulary.slnx</c> (BenchmarkDotNet runs from a generated folder).</summary>
internal static class RepositoryContent
{
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Formulary.slnx")))
                {
                    return Path.Combine(directory.FullName, "content");
                }
            }
        }

        throw new InvalidOperationException("Formulary.slnx not found above " + Environment.CurrentDirectory);
    }
}
