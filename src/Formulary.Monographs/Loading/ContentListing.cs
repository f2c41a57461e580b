namespace Formulary.Monographs.Loading;

/// <summary>
/// What a content path holds, listed before anything is read (<see cref="IncrementalLoader.List"/>): the files,
/// each one's slug and whether another file of its collection claims the same slug. Listing needs neither the
/// store nor its lock, so a publisher lists while the store's state loads.
/// </summary>
public sealed class ContentListing
{
    internal ContentListing(string path, ContentLayout layout)
    {
        Path = path;
        Layout = layout;
        var files = layout.Files;
        Slugs = new string[files.Count];
        var keys = new (Collection, string)[files.Count];
        var claims = new Dictionary<(Collection, string), int>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            Slugs[i] = SlugRule.FromFileName(files[i].Path);
            keys[i] = (files[i].Collection, Slugs[i].ToLowerInvariant());
            claims[keys[i]] = claims.GetValueOrDefault(keys[i]) + 1;
        }

        Duplicated = [.. keys.Select(key => claims[key] > 1)];
    }

    /// <summary>The path as given.</summary>
    public string Path { get; }

    internal ContentLayout Layout { get; }

    /// <summary>Each file's slug, by the index of <see cref="ContentLayout.Files"/>.</summary>
    internal string[] Slugs { get; }

    /// <summary>Whether another file of the same collection has the same slug, ignoring case: then neither is compared with the store.</summary>
    internal bool[] Duplicated { get; }
}
