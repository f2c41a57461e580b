namespace Formulary.Web.Tests.Browser;

/// <summary>Where the browser tests write their screenshots: <c>artifacts/screenshots/</c> at the repository root.</summary>
internal static class Screenshots
{
    public const int DesktopWidth = 1280;
    public const int DesktopHeight = 900;
    public const int PhoneWidth = 390;
    public const int PhoneHeight = 844;

    public static string PathFor(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Formulary.slnx")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? AppContext.BaseDirectory;
        var folder = Path.Combine(root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
