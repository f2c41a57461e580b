using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Loading;
using Formulary.Monographs.Model;

namespace Formulary.Storage.Publishing;

/// <summary>
/// What a store keeps as a document's source path: the path relative to the content root, with <c>/</c>
/// (<c>compositions/clofarabine.md</c>). The folder a node happened to read from is that node's business:
/// another node of the same PostgreSQL store reads from elsewhere, and the API and pages must never show a
/// server's file system. Applied to the monograph, its diagnostics and its rules file as they are published.
/// </summary>
internal static class SourcePaths
{
    public static string Relative(string root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        // The usual case, a file the listing found under the root as given: the rest of its path, with nothing to resolve.
        if (Path.DirectorySeparatorChar == '/' && root.Length > 1 && !root.EndsWith('/') && path.Length > root.Length + 1
            && path[root.Length] == '/' && path.StartsWith(root, StringComparison.Ordinal) && Path.IsPathFullyQualified(root)
            && IsPlain(root) && IsPlain(path) && !path.AsSpan(root.Length + 1).StartsWith(".."))
        {
            return path[(root.Length + 1)..];
        }

        var relative = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(path));
        // A path outside the root (never for a file read through ContentFolder) keeps its file name only.
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFileName(path) : relative)
            .Replace(Path.DirectorySeparatorChar, '/');
    }

    public static Monograph Relative(string root, Monograph monograph) => monograph with
    {
        SourcePath = Relative(root, monograph.SourcePath),
        Diagnostics = Relative(root, monograph.Diagnostics),
    };

    public static IReadOnlyList<Diagnostic> Relative(string root, IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Count == 0 ? diagnostics : [.. diagnostics.Select(d => d with { File = Relative(root, d.File) })];

    /// <summary>A path with no segment that <see cref="Path.GetFullPath(string)"/> would change: no <c>.</c>, <c>..</c> or empty segment.</summary>
    private static bool IsPlain(string path) =>
        !path.Contains("//", StringComparison.Ordinal) && !path.Contains("/./", StringComparison.Ordinal) && !path.Contains("/../", StringComparison.Ordinal)
        && !path.EndsWith("/.", StringComparison.Ordinal) && !path.EndsWith("/..", StringComparison.Ordinal);

    public static RulesSource? Relative(string root, RulesSource? rules) =>
        rules is null ? null : rules with { Path = Relative(root, rules.Path) };
}
