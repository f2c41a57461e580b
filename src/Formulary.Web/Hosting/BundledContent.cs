namespace Formulary.Web.Hosting;

/// <summary>
/// Finds the content shipped with Formulary: a <c>content/</c> folder (with <c>compositions/</c>)
/// in the working directory or one of its parents (a clone of the repository), else beside the
/// application (a published build).
/// </summary>
public static class BundledContent
{
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "content");
                if (Directory.Exists(Path.Combine(candidate, "compositions")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
