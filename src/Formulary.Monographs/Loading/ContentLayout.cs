using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;

namespace Formulary.Monographs.Loading;

/// <summary>
/// Which files a path names, their collections, which slugs exist for link checks, the content folder
/// they are read through and the entries it skipped for safety.
/// </summary>
internal sealed record ContentLayout(
    ContentFolder Folder,
    IReadOnlyList<(Collection Collection, string Path)> Files,
    Dictionary<Collection, HashSet<string>> KnownSlugs,
    IReadOnlyList<Diagnostic> Skipped)
{
    /// <summary>
    /// MONO043 for the Markdown files of a content folder outside its collection folders: reported with the folder's findings,
    /// but not <see cref="Skipped"/> entries (those are files of a collection the store must not prune while they cannot be read).
    /// </summary>
    public IReadOnlyList<Diagnostic> Misplaced { get; init; } = [];

    public static ContentLayout Of(string path)
    {
        var skipped = new List<Diagnostic>();
        if (FileProbe.KindOf(path) is FileKind.Regular or FileKind.Special)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var inCollection = CollectionInfo.TryParse(Path.GetFileName(folder), out var collection);
            var content = ContentFolder.Containing(path);
            var known = inCollection ? SlugsBeside(content) : [];
            return new ContentLayout(content, [(inCollection ? collection : Collection.Composition, path)], known, []);
        }

        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"'{path}' is neither a file nor a folder");
        }

        var root = ContentFolder.Open(path);
        var roots = Enum.GetValues<Collection>().Where(c => Directory.Exists(Path.Combine(path, c.FolderName()))).ToList();
        if (roots.Count > 0)
        {
            var files = roots.SelectMany(c => root.Files(Path.Combine(path, c.FolderName()), ".md", skipped).Select(f => (c, f))).ToList();
            return new ContentLayout(root, files, Enum.GetValues<Collection>().ToDictionary(c => c, _ => new HashSet<string>(StringComparer.Ordinal)), skipped)
            {
                Misplaced = [.. OutsideCollections(root, path)],
            };
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (CollectionInfo.TryParse(Path.GetFileName(full), out var only))
        {
            var content = Path.GetDirectoryName(full) is { } parent ? ContentFolder.Open(parent) : root;
            var known = SlugsBeside(content);
            return new ContentLayout(content, [.. content.Files(path, ".md", skipped).Select(f => (only, f))], known, skipped);
        }

        return new ContentLayout(root, [.. root.Files(path, ".md", skipped).Select(f => (Collection.Composition, f))], [], skipped);
    }

    /// <summary>
    /// MONO043 for each Markdown file of a content folder that is not in a collection folder: at its top or in another folder
    /// (a monograph saved one folder too high, or in "composition/"), so an editor is told why it is not published instead of
    /// finding it missing. Folders whose name starts with '.' (.git, an editor's) are not looked into, nor is a README.
    /// </summary>
    private static IEnumerable<Diagnostic> OutsideCollections(ContentFolder root, string path)
    {
        var found = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(path).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            // Only the folders read are passed over: "Compositions/" or "composition/" is not read (names are exact), so it is reported.
            if (name.StartsWith('.') || Enum.GetValues<Collection>().Any(c => string.Equals(name, c.FolderName(), StringComparison.Ordinal)))
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                found.AddRange(root.Files(entry, ".md", []));
            }
            else if (name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !name.Equals("README.md", StringComparison.OrdinalIgnoreCase))
            {
                found.Add(entry);
            }
        }

        return found.Select(file => DiagnosticCodes.OutsideCollections.At(file, SourcePosition.FileStart,
            $"'{Path.GetRelativePath(path, file)}' is not in a collection folder, so it is not published: move it into {string.Join(", ", Enum.GetValues<Collection>().Select(c => c.FolderName() + "/"))} by what it describes."));
    }

    /// <summary>Slugs of the collection folders of a content folder, read from file names only (what they skip is the linted folder's business).</summary>
    private static Dictionary<Collection, HashSet<string>> SlugsBeside(ContentFolder content)
    {
        var known = new Dictionary<Collection, HashSet<string>>();
        foreach (var collection in Enum.GetValues<Collection>())
        {
            var folder = Path.Combine(content.Root, collection.FolderName());
            if (Directory.Exists(folder))
            {
                known[collection] = [.. content.Files(folder, ".md", []).Select(f => SlugRule.FromFileName(f))];
            }
        }

        return known;
    }
}
