using Formulary.Monographs.Model;

namespace Formulary.Monographs.Loading;

/// <summary>Which files a path names, their collections, and which slugs exist for link checks.</summary>
internal sealed record ContentLayout(IReadOnlyList<(Collection Collection, string Path)> Files, Dictionary<Collection, HashSet<string>> KnownSlugs)
{
    public static ContentLayout Of(string path)
    {
        if (File.Exists(path))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var inCollection = CollectionInfo.TryParse(Path.GetFileName(folder), out var collection);
            var known = inCollection ? SlugsBeside(Path.GetDirectoryName(folder)) : [];
            return new ContentLayout([(inCollection ? collection : Collection.Composition, path)], known);
        }

        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"'{path}' is neither a file nor a folder");
        }

        var roots = Enum.GetValues<Collection>().Where(c => Directory.Exists(Path.Combine(path, c.FolderName()))).ToList();
        if (roots.Count > 0)
        {
            var files = roots.SelectMany(c => MarkdownFiles(Path.Combine(path, c.FolderName())).Select(f => (c, f))).ToList();
            return new ContentLayout(files, Enum.GetValues<Collection>().ToDictionary(c => c, _ => new HashSet<string>(StringComparer.Ordinal)));
        }

        if (CollectionInfo.TryParse(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path))), out var only))
        {
            var known = SlugsBeside(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path))));
            return new ContentLayout([.. MarkdownFiles(path).Select(f => (only, f))], known);
        }

        return new ContentLayout([.. MarkdownFiles(path).Select(f => (Collection.Composition, f))], []);
    }

    /// <summary>Slugs of the collection folders beside a linted file or folder, read from file names only.</summary>
    private static Dictionary<Collection, HashSet<string>> SlugsBeside(string? contentRoot)
    {
        var known = new Dictionary<Collection, HashSet<string>>();
        foreach (var collection in Enum.GetValues<Collection>())
        {
            var folder = contentRoot is null ? null : Path.Combine(contentRoot, collection.FolderName());
            if (folder is not null && Directory.Exists(folder))
            {
                known[collection] = [.. MarkdownFiles(folder).Select(Parsing.MonographParser.SlugOf)];
            }
        }

        return known;
    }

    private static List<string> MarkdownFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
