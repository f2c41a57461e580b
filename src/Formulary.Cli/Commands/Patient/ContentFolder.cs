namespace Formulary.Cli.Commands.Patient;

/// <summary>Finds the bundled <c>content/</c> folder: walking up from the current directory, then from the app's base.</summary>
internal static class ContentFolder
{
    public static string? Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "content");
                if (Directory.Exists(Path.Combine(candidate, "compositions")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
