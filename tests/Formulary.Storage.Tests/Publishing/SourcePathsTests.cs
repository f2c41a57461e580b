using Formulary.Storage.Publishing;

namespace Formulary.Storage.Tests.Publishing;

public sealed class SourcePathsTests
{
    // Expected values worked out by hand from the rule: the path relative to the root, with '/', or the file name
    // alone when the path leaves the root. The first cases take the quick path, the others the full resolution.
    [SkippableTheory]
    [InlineData("/srv/content", "/srv/content/compositions/a.md", "compositions/a.md")]
    [InlineData("/srv/content", "/srv/content/a.md", "a.md")]
    [InlineData("/srv/content/", "/srv/content/compositions/a.md", "compositions/a.md")]
    [InlineData("/srv/content", "/srv/content/./compositions/a.md", "compositions/a.md")]
    [InlineData("/srv/content", "/srv/content//compositions/a.md", "compositions/a.md")]
    [InlineData("/srv/content/.", "/srv/content/compositions/a.md", "compositions/a.md")]
    [InlineData("/srv/content", "/srv/content/compositions/../medicines/b.md", "medicines/b.md")]
    [InlineData("/srv/content", "/srv/contents/a.md", "a.md")]
    [InlineData("/srv/content", "/srv/content/../other/a.md", "a.md")]
    [InlineData("/srv/content", "/srv/content/..hidden/a.md", "a.md")]
    [InlineData("/srv/content/compositions", "/srv/content/compositions/a.md", "a.md")]
    public void Relative_PathUnderOrOutsideTheRoot_RelativeWithSlashesOrFileName(string root, string path, string expected)
    {
        Skip.If(Path.DirectorySeparatorChar != '/', "Unix paths");
        Assert.Equal(expected, SourcePaths.Relative(root, path));
    }
}
